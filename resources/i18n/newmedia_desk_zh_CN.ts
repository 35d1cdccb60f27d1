<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Switch user</source>
        <translation>切换用户(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Interface &amp;language…</source>
        <translation>界面语言(&amp;G)…</translation>
    </message>
    <message>
        <source>Hide everything until you enter your password again</source>
        <translation>隐藏全部内容，重新输入密码后才能继续</translation>
    </message>
    <message>
        <source>Let someone else sign in on this computer (e.g. a leader approving)</source>
        <translation>让其他人在本机登录（例如领导审批）</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Start</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Drafting posts, tiered approval (editor, section head, supervising leader, chief) with each sign-off recorded, and the publication log.</source>
        <translation>稿件撰写、分级审批（编辑、科室负责人、分管领导、主要领导），逐级记录审批意见，以及发布记录。</translation>
    </message>
    <message>
        <source>The register of official accounts on every platform: opening applications and their approval, changes of administrator, password holders, closures and rogue accounts.</source>
        <translation>各平台政务账号登记：开设申请及审批、管理员变更、密码知悉人、账号关停以及违规账号处置。</translation>
    </message>
    <message>
        <source>Update cadence per account and column (for example daily 07:30 and 17:00), planned posts and reminders before an account falls silent.</source>
        <translation>各账号、各栏目的更新频次（如每日 07:30 和 17:00）、发稿计划，以及账号即将断更时的提醒。</translation>
    </message>
    <message>
        <source>Printable registers: publications, accounts, comment handling, incidents, exported to the office&apos;s Excel forms.</source>
        <translation>可打印的台账：发布记录、账号、评论处置、突发事件，可导出为办公室使用的 Excel 表格。</translation>
    </message>
    <message>
        <source>Monthly figures per unit for assessment: posts published on time, missed updates, commendations and criticisms.</source>
        <translation>按单位统计的月度考核数据：按时发布情况、未按期更新情况、表扬与批评。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Only leaders and the office administrator can read the audit log.</source>
        <translation>只有领导和系统管理员可以查看审计日志。</translation>
    </message>
    <message>
        <source>The newest {count} entries, newest first. The log cannot be edited.</source>
        <translation>最近 {count} 条记录，最新的在前。审计日志不可修改。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Sign-in refused (too many tries)</source>
        <translation>拒绝登录（失败次数过多）</translation>
    </message>
    <message>
        <source>Sign-in unlocked</source>
        <translation>解除登录锁定</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Staff added</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Staff changed</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <source>Staff left</source>
        <translation>人员离开</translation>
    </message>
    <message>
        <source>Staff rejoined</source>
        <translation>人员恢复在职</translation>
    </message>
    <message>
        <source>Unit added</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Unit changed</source>
        <translation>修改单位</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>You signed in with a temporary password. Please choose your own password now.</source>
        <translation>您使用的是临时密码，请现在设置自己的密码。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Please sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>You are not permitted to do this. Ask the office administrator.</source>
        <translation>您没有进行此操作的权限，请联系系统管理员。</translation>
    </message>
    <message>
        <source>This record no longer exists. It may have been removed by someone else.</source>
        <translation>该记录已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>Someone else changed this record while you were editing it. Nothing was overwritten. The list has been reloaded; check the current data and apply your change again.</source>
        <translation>您编辑期间，其他人修改了这条记录，您的修改未保存，对方的内容也未被覆盖。列表已重新加载，请核对最新数据后重新提交修改。</translation>
    </message>
    <message>
        <source>Unknown login name or wrong password.</source>
        <translation>登录名或密码不正确。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this login. Please try again in {retry_after} seconds.</source>
        <translation>该登录名登录失败次数过多，请 {retry_after} 秒后再试。</translation>
    </message>
    <message>
        <source>The database cannot be used.

Details: {message}</source>
        <translation>无法使用数据库。

详细信息：{message}</translation>
    </message>
    <message>
        <source>The audit key of this database is missing or unreadable, so changes cannot be recorded.

Details: {message}</source>
        <translation>本数据库的审计密钥缺失或无法读取，无法记录任何修改。

详细信息：{message}</translation>
    </message>
    <message>
        <source>The system password store (keyring) cannot be used.

Details: {message}</source>
        <translation>无法使用系统密码库（钥匙串）。

详细信息：{message}</translation>
    </message>
    <message>
        <source>The input is not valid: {message}</source>
        <translation>输入内容有误：{message}</translation>
    </message>
    <message>
        <source>The action failed: {message}</source>
        <translation>操作未成功：{message}</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>The password may have at most {limit} characters.</source>
        <translation>密码最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>密码开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>The login name must be 2 to 32 characters: lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>登录名须为 2 至 32 个字符，只能使用小写字母、数字、“.”、“_”或“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>This login name is already in use.</source>
        <translation>该登录名已被使用。</translation>
    </message>
    <message>
        <source>Please enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The name may have at most {limit} characters.</source>
        <translation>姓名最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>The position may have at most {limit} characters.</source>
        <translation>职务最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>The phone number is not valid (digits, spaces, &apos;-&apos; and a leading &apos;+&apos;).</source>
        <translation>联系电话格式不正确（只能包含数字、空格、“-”，开头可以是“+”）。</translation>
    </message>
    <message>
        <source>The QQ number is not valid (5 to 12 digits, not starting with 0).</source>
        <translation>QQ 号格式不正确（5 至 12 位数字，不能以 0 开头）。</translation>
    </message>
    <message>
        <source>Please enter the unit name.</source>
        <translation>请填写单位名称。</translation>
    </message>
    <message>
        <source>The unit name may have at most {limit} characters.</source>
        <translation>单位名称最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>Please choose an existing unit.</source>
        <translation>请选择一个已有的单位。</translation>
    </message>
    <message>
        <source>The chosen parent unit does not exist.</source>
        <translation>所选的上级单位不存在。</translation>
    </message>
    <message>
        <source>A unit cannot be placed below itself or below one of its own sub-units.</source>
        <translation>单位不能放在自身或其下级单位之下。</translation>
    </message>
    <message>
        <source>A unit of that name already exists at this place.</source>
        <translation>同一上级下已有同名单位。</translation>
    </message>
    <message>
        <source>The unit still has {count} working staff. Move them to another unit first.</source>
        <translation>该单位还有 {count} 名在职人员，请先将他们调到其他单位。</translation>
    </message>
    <message>
        <source>The office must keep at least one working administrator.</source>
        <translation>至少要保留一名在职的系统管理员。</translation>
    </message>
    <message>
        <source>This database already has staff. Please sign in as an administrator.</source>
        <translation>该数据库已有人员，请以系统管理员身份登录。</translation>
    </message>
    <message>
        <source>Please check the login name.</source>
        <translation>请检查登录名。</translation>
    </message>
    <message>
        <source>Please check the name.</source>
        <translation>请检查名称。</translation>
    </message>
    <message>
        <source>Please check the password.</source>
        <translation>请检查密码。</translation>
    </message>
    <message>
        <source>Please check the position.</source>
        <translation>请检查职务。</translation>
    </message>
    <message>
        <source>Please check the phone number.</source>
        <translation>请检查联系电话。</translation>
    </message>
    <message>
        <source>Please check the QQ number.</source>
        <translation>请检查 QQ 号。</translation>
    </message>
    <message>
        <source>Please check the unit.</source>
        <translation>请检查所属单位。</translation>
    </message>
    <message>
        <source>Please check the parent unit.</source>
        <translation>请检查上级单位。</translation>
    </message>
    <message>
        <source>Please check the roles.</source>
        <translation>请检查角色。</translation>
    </message>
    <message>
        <source>Please check whether the unit is in use.</source>
        <translation>请检查单位是否启用。</translation>
    </message>
    <message>
        <source>Please enter a whole number from {minimum} to {maximum}.</source>
        <translation>请输入 {minimum} 至 {maximum} 之间的整数。</translation>
    </message>
    <message>
        <source>Please enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>{app} — First start</source>
        <translation>{app} — 首次使用</translation>
    </message>
    <message>
        <source>This database is new. Enter the name of your office&apos;s top unit (for example the bureau) and create the first administrator. The administrator then adds the other units and staff.</source>
        <translation>这是一个新数据库。请填写本单位的名称（例如“市气象局”），并创建第一位系统管理员。之后由系统管理员添加其他单位和人员。</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <source>Top unit</source>
        <translation>本单位名称</translation>
    </message>
    <message>
        <source>Administrator login name</source>
        <translation>管理员登录名</translation>
    </message>
    <message>
        <source>Administrator name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>This computer is locked</source>
        <translation>本机已锁定</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>Someone else (for example a leader approving a post) can sign in with their own password through “Switch user”.</source>
        <translation>其他人（例如审批稿件的领导）可以点击“切换用户”，用自己的密码登录。</translation>
    </message>
    <message>
        <source>Locked by {person}</source>
        <translation>锁定人：{person}</translation>
    </message>
    <message>
        <source>This password does not belong to the locked person.</source>
        <translation>该密码不属于锁定本机的人员。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Please change your password first.</source>
        <translation>请先修改密码。</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signed in: {person}</source>
        <translation>当前登录：{person}</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>未锁定</translation>
    </message>
    <message>
        <source>Sign in as another person</source>
        <translation>以其他人员身份登录</translation>
    </message>
    <message>
        <source>Please sign in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>{app} {version}

The desktop program of the new-media office: accounts, posts and their approval, ledgers.

Database: {db}</source>
        <translation>{app} {version}

新媒体办公室桌面程序：账号管理、稿件审批、台账。

数据库：{db}</translation>
    </message>
    <message>
        <source>The interface is in Chinese by default; English can be chosen with the command-line option --lang en.

Use {language} from the next start on?</source>
        <translation>界面默认使用中文；也可以用命令行参数 --lang en 选择英文。

下次启动时改用{language}吗？</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsPage</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The window locks itself after this many minutes without keyboard or mouse input, also after the computer slept.</source>
        <translation>键盘和鼠标无操作达到该时长后，窗口自动锁定；电脑休眠唤醒后同样适用。</translation>
    </message>
    <message>
        <source>Only the office administrator can change these settings.</source>
        <translation>只有系统管理员可以修改这些设置。</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>PlannedAreaPage</name>
    <message>
        <source>This area arrives in a later version.</source>
        <translation>此功能将在后续版本中提供。</translation>
    </message>
    <message>
        <source>It will hold: {what}</source>
        <translation>将包括：{what}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password of {name}</source>
        <translation>重置{name}的密码</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Temporary password again</source>
        <translation>再次输入临时密码</translation>
    </message>
    <message>
        <source>Tell {name} the temporary password in person. They must choose their own password at the next sign-in.</source>
        <translation>请当面将临时密码告知{name}。其下次登录时必须设置自己的密码。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SettingsArea</name>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Office settings</source>
        <translation>办公设置</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Please sign in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <source>e.g. zhangsan</source>
        <translation>例如 zhangsan</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库……</translation>
    </message>
    <message>
        <source>Please enter your login name.</source>
        <translation>请输入登录名。</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>{app} — Sign in</source>
        <translation>{app} — 登录</translation>
    </message>
</context>
<context>
    <name>StaffEditorDialog</name>
    <message>
        <source>Add staff</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Edit staff</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>First password again</source>
        <translation>再次输入初始密码</translation>
    </message>
    <message>
        <source>The new person signs in with this first password and must then choose their own.</source>
        <translation>新人员用该初始密码登录后，必须设置自己的密码。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Now saved: {name}, {unit}, position “{position}”, phone “{phone}”, QQ “{qq}”, roles: {roles}. Fields you had not changed now show these values; your own changes are kept. Press Save to apply them.</source>
        <translation>当前已保存的内容：{name}，{unit}，职务“{position}”，电话“{phone}”，QQ“{qq}”，角色：{roles}。您未改动的项目已更新为上述内容，您改动过的内容保持不变。请点击“保存”提交。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Filter: name, login, unit, phone…</source>
        <translation>筛选：姓名、登录名、单位、电话…</translation>
    </message>
    <message>
        <source>Show people who left</source>
        <translation>显示已离开人员</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Mark as left…</source>
        <translation>标记为离开…</translation>
    </message>
    <message>
        <source>Rejoin</source>
        <translation>恢复在职</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock sign-in</source>
        <translation>解除登录锁定</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Mark {name} ({login}) as having left? They can no longer sign in. Nothing is deleted; you can undo this with Rejoin.</source>
        <translation>确定将{name}（{login}）标记为已离开吗？标记后该人员无法再登录。所有记录都会保留，可通过“恢复在职”撤销。</translation>
    </message>
    <message>
        <source>{name} has a temporary password now and must choose a new one at the next sign-in.</source>
        <translation>已为{name}设置临时密码，其下次登录时必须设置新密码。</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name}现在可以重新登录了。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sign-in locked until</source>
        <translation>登录锁定至</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Signed in</source>
        <translation>当前登录</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Office directory</source>
        <translation>单位与人员</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Working staff</source>
        <translation>在职人员</translation>
    </message>
    <message>
        <source>Staff who left</source>
        <translation>已离开人员</translation>
    </message>
    <message>
        <source>Sign-ins locked now</source>
        <translation>当前被锁定的登录</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>本数据库</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Audit log head</source>
        <translation>审计日志最新条目</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>Welcome, {name}</source>
        <translation>{name}，您好</translation>
    </message>
    <message>
        <source>{name} ({login})</source>
        <translation>{name}（{login}）</translation>
    </message>
    <message>
        <source>(no entries yet)</source>
        <translation>（暂无记录）</translation>
    </message>
    <message>
        <source>after {minutes} minutes without input</source>
        <translation>无操作 {minutes} 分钟后</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{login} until {time}</source>
        <translation>{login}（至 {time}）</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Clerk</source>
        <translation>信息员/编辑</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Supervising leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <source>Chief</source>
        <translation>主要领导</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>{name} ({login}) · {roles}</source>
        <translation>{name}（{login}）· {roles}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. What you entered has not been saved; please try again, and if it happens again tell the administrator. The details are in the log file.

{detail}</source>
        <translation>程序遇到意外错误。刚才输入的内容尚未保存，请重试；如再次出现，请告知系统管理员。详细信息已写入日志文件。

{detail}</translation>
    </message>
</context>
<context>
    <name>UnitEditorDialog</name>
    <message>
        <source>Add unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Now saved: “{name}”. Your input is kept; press Save to apply it.</source>
        <translation>当前已保存的名称：“{name}”。您输入的内容已保留，请点击“保存”提交。</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Add unit…</source>
        <translation>新增单位…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Full path</source>
        <translation>完整路径</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Not in use</source>
        <translation>停用</translation>
    </message>
</context>
</TS>
