<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDetail</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号ID</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Publishing scope</source>
        <translation>信息发布范围</translation>
    </message>
    <message>
        <source>Other media</source>
        <translation>其它新媒体</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>认证状态</translation>
    </message>
    <message>
        <source>Registered e-mail / phone</source>
        <translation>注册邮箱／手机</translation>
    </message>
    <message>
        <source>Parent account</source>
        <translation>上级账号</translation>
    </message>
    <message>
        <source>Update requirement</source>
        <translation>更新要求</translation>
    </message>
    <message>
        <source>Opened / notice / closed</source>
        <translation>开通／停更公告／注销</translation>
    </message>
    <message>
        <source>Approval notes</source>
        <translation>审批说明</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>This account did not go through the approval in this program.</source>
        <translation>该账号未在本程序中办理开设审批。</translation>
    </message>
    <message>
        <source>Approval round {round}; content digest {digest}</source>
        <translation>第 {round} 轮审批；内容摘要 {digest}</translation>
    </message>
    <message>
        <source>Waiting for: {step}</source>
        <translation>待签署：{step}</translation>
    </message>
</context>
<context>
    <name>AccountEditorDialog</name>
    <message>
        <source>New account application</source>
        <translation>新建账号开设申请</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>e.g. daily 07:30 and 17:00</source>
        <translation>例如：每天 07:30 和 17:00</translation>
    </message>
    <message>
        <source>Only if the name uses a reserved word: who approved it, when</source>
        <translation>仅当名称含保留字时填写：由谁批准、何时批准</translation>
    </message>
    <message>
        <source>Only for a second account of the unit on one platform</source>
        <translation>仅当本单位在同一平台开设第二个账号时填写</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号ID</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Publishing scope</source>
        <translation>信息发布范围</translation>
    </message>
    <message>
        <source>Other media</source>
        <translation>其它新媒体</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>认证状态</translation>
    </message>
    <message>
        <source>Registered e-mail</source>
        <translation>注册邮箱</translation>
    </message>
    <message>
        <source>Registered phone</source>
        <translation>注册手机</translation>
    </message>
    <message>
        <source>Parent account</source>
        <translation>上级账号</translation>
    </message>
    <message>
        <source>Update requirement</source>
        <translation>更新要求</translation>
    </message>
    <message>
        <source>Approval of reserved word</source>
        <translation>保留字批准说明</translation>
    </message>
    <message>
        <source>Reason for a second account</source>
        <translation>开设第二个账号的理由</translation>
    </message>
    <message>
        <source>Why the change (kept in the history)</source>
        <translation>变更原因（记入历史）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The application is saved as a draft. Submit it for approval when it is complete; each leader then signs on this computer.</source>
        <translation>申请先保存为草稿。填写完整后提交审批，各位领导再在本机逐一签署意见。</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号ID</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>Password holders</source>
        <translation>密码知悉人</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须及时修改密码</translation>
    </message>
</context>
<context>
    <name>AccountTexts</name>
    <message>
        <source>Applied</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>已开通</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未认证</translation>
    </message>
    <message>
        <source>Verification pending</source>
        <translation>认证中</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已认证</translation>
    </message>
    <message>
        <source>Application drafted</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Submitted for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Approval step agreed</source>
        <translation>审批同意</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Approval restarted</source>
        <translation>重新审批</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开通</translation>
    </message>
    <message>
        <source>Taken over</source>
        <translation>导入（接管）</translation>
    </message>
    <message>
        <source>Details edited</source>
        <translation>修改资料</translation>
    </message>
    <message>
        <source>People in charge changed</source>
        <translation>管理人／责任人变更</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Closure notice posted</source>
        <translation>发布停更公告</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Due by {due}</source>
        <translation>待备案（{due} 前）</translation>
    </message>
    <message>
        <source>Overdue since {due}</source>
        <translation>逾期未备案（应于 {due} 前）</translation>
    </message>
    <message>
        <source>Filed {filed}</source>
        <translation>已备案 {filed}</translation>
    </message>
    <message>
        <source>Filed late {filed}</source>
        <translation>逾期备案 {filed}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Closed down</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Technical section notified</source>
        <translation>通知技术科</translation>
    </message>
    <message>
        <source>Reported to the platform</source>
        <translation>平台举报</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>a holder left</source>
        <translation>知悉人已离职</translation>
    </message>
    <message>
        <source>a holder moved to another unit</source>
        <translation>知悉人已调动</translation>
    </message>
    <message>
        <source>a holder&apos;s password was reset by the administrator</source>
        <translation>知悉人的登录密码已被管理员重置</translation>
    </message>
    <message>
        <source>a holder was removed</source>
        <translation>已移除知悉人</translation>
    </message>
    <message>
        <source>a new holder cannot open it yet: share it again</source>
        <translation>新增知悉人尚无法查看，请重新共享</translation>
    </message>
    <message>
        <source>not changed for a long time</source>
        <translation>长期未修改</translation>
    </message>
    <message>
        <source>the sealed paper copy is older than the password</source>
        <translation>密封存档早于最近一次改密</translation>
    </message>
    <message>
        <source>The name uses the reserved word “{word}” and no approval of it is recorded.</source>
        <translation>名称使用了保留字“{word}”，但未记录批准情况。</translation>
    </message>
    <message>
        <source>The {field} contains a {kind}: “{text}”.</source>
        <translation>{field}中含有{kind}：“{text}”。</translation>
    </message>
    <message>
        <source>The unit already has an account on {platform} ({others}); record the reason for a second one.</source>
        <translation>本单位在{platform}上已有账号（{others}），请记录开设第二个账号的理由。</translation>
    </message>
    <message>
        <source>The unit&apos;s accounts on other platforms are called “{expected}”.</source>
        <translation>本单位在其他平台的账号名称为“{expected}”，建议统一。</translation>
    </message>
    <message>
        <source>The {kind} must be filed by {due}.</source>
        <translation>{kind}须在 {due} 前备案。</translation>
    </message>
    <message>
        <source>The {kind} of {event_on} was not filed by {due}.</source>
        <translation>{event_on} 的{kind}未在 {due} 前备案。</translation>
    </message>
    <message>
        <source>The {kind} of {event_on} was filed on {filed}, after {due}.</source>
        <translation>{event_on} 的{kind}于 {filed} 备案，晚于 {due}。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>an e-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>a web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>a QR-code hint</source>
        <translation>二维码字样</translation>
    </message>
    <message>
        <source>The file must be an Excel workbook (.xlsx).</source>
        <translation>文件必须是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The workbook has no sheet.</source>
        <translation>工作簿中没有工作表。</translation>
    </message>
    <message>
        <source>A link starts with http:// or https://.</source>
        <translation>链接须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Already recorded (same account, time and title).</source>
        <translation>已登记过（同一账号、时间和标题）。</translation>
    </message>
    <message>
        <source>Formulas are not accepted; write the value itself.</source>
        <translation>不接受公式，请直接填写数值或文字。</translation>
    </message>
    <message>
        <source>Must be one line.</source>
        <translation>须为一行。</translation>
    </message>
    <message>
        <source>The time is later than now.</source>
        <translation>时间晚于现在。</translation>
    </message>
    <message>
        <source>Give the time as well, e.g. 2026-03-02 09:30.</source>
        <translation>请同时填写时间，如 2026-03-02 09:30。</translation>
    </message>
    <message>
        <source>Expected a date and time such as 2026-03-02 09:30, not a number.</source>
        <translation>应为日期和时间，如 2026-03-02 09:30，而不是数字。</translation>
    </message>
    <message>
        <source>You may not record publications of this account&apos;s unit.</source>
        <translation>您无权登记该账号所属单位的发布记录。</translation>
    </message>
    <message>
        <source>The column appears twice.</source>
        <translation>该列重复出现。</translation>
    </message>
    <message>
        <source>The header row lacks this column.</source>
        <translation>表头缺少此列。</translation>
    </message>
    <message>
        <source>Text is expected here, not a date or a number.</source>
        <translation>此处应填写文字，而不是日期或数字。</translation>
    </message>
    <message>
        <source>This cell must not be empty.</source>
        <translation>此单元格不能为空。</translation>
    </message>
    <message>
        <source>The sheet is empty: there is no header row.</source>
        <translation>工作表为空，没有表头行。</translation>
    </message>
    <message>
        <source>The file has no rows below the header.</source>
        <translation>表头下面没有数据行。</translation>
    </message>
    <message>
        <source>You may not register accounts of this unit.</source>
        <translation>您无权登记该单位的账号。</translation>
    </message>
    <message>
        <source>An account of this name on this platform is registered already.</source>
        <translation>该平台上已登记同名账号。</translation>
    </message>
    <message>
        <source>An account with this ID on this platform is registered already.</source>
        <translation>该平台上已登记此账号ID。</translation>
    </message>
    <message>
        <source>No account is called {name}.</source>
        <translation>没有名为“{name}”的账号。</translation>
    </message>
    <message>
        <source>Several accounts are called {name} ({ids}): add a column 平台 naming the platform of each row.</source>
        <translation>有多个账号名为“{name}”（{ids}）：请增加“平台”一列，写明每行所属平台。</translation>
    </message>
    <message>
        <source>Expected a date and time such as 2026-03-02 09:30, not {value}.</source>
        <translation>应为日期和时间，如 2026-03-02 09:30，而不是 {value}。</translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>Longer than {limit} characters.</source>
        <translation>超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>More than {limit} rows: split the file.</source>
        <translation>超过 {limit} 行：请拆分文件。</translation>
    </message>
    <message>
        <source>One line of at most {limit} characters.</source>
        <translation>须为一行，最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The file cannot be read as an Excel workbook ({why}).</source>
        <translation>无法作为 Excel 工作簿读取（{why}）。</translation>
    </message>
    <message>
        <source>The workbook is damaged ({why}).</source>
        <translation>工作簿已损坏（{why}）。</translation>
    </message>
    <message>
        <source>The same publication is already in row {row}.</source>
        <translation>同一条发布记录已在第 {row} 行。</translation>
    </message>
</context>
<context>
    <name>AccountsArea</name>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rogue accounts</source>
        <translation>违规账号</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>平台</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Filter: name, ID, people…</source>
        <translation>筛选：名称、账号ID、人员……</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Leader signs…</source>
        <translation>请领导签署…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Closure notice…</source>
        <translation>记录停更公告…</translation>
    </message>
    <message>
        <source>Close account…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <source>Record filing…</source>
        <translation>记录备案…</translation>
    </message>
    <message>
        <source>Export opening form…</source>
        <translation>导出开设审批表…</translation>
    </message>
    <message>
        <source>Export authorisation form…</source>
        <translation>导出授权审批表…</translation>
    </message>
    <message>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <source>The next approver signs in over your session and signs on this computer</source>
        <translation>下一位审批人在您的会话之上登录，并在本机签署意见</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Submit the application for “{account}” for approval? Each opinion step is then signed on this computer by the person it names.</source>
        <translation>将“{account}”的开设申请提交审批？之后各审批环节由相应人员在本机签署意见。</translation>
    </message>
    <message>
        <source>The sign-off was recorded. {name} stays signed in.</source>
        <translation>签署意见已记录。{name} 仍保持登录。</translation>
    </message>
    <message>
        <source>Resume {account}</source>
        <translation>恢复“{account}”</translation>
    </message>
    <message>
        <source>Why is the account in use again?</source>
        <translation>请说明恢复使用的原因。</translation>
    </message>
    <message>
        <source>Suspend {account}</source>
        <translation>停用“{account}”</translation>
    </message>
    <message>
        <source>A suspension must be filed within the set number of working days.</source>
        <translation>停用须在规定的工作日内备案。</translation>
    </message>
    <message>
        <source>Close {account}</source>
        <translation>注销“{account}”</translation>
    </message>
    <message>
        <source>The account is closed today; the closure notice was posted on {day}. The closure must be filed.</source>
        <translation>账号将于今天注销；停更公告发布于 {day}。注销须按期备案。</translation>
    </message>
    <message>
        <source>{file} is open in another program (Excel?), so it cannot be replaced. Save as {other} instead?</source>
        <translation>{file} 正被其他程序（Excel？）打开，无法覆盖。改存为 {other}？</translation>
    </message>
    <message>
        <source>Save the opening approval form</source>
        <translation>保存开设审批表</translation>
    </message>
    <message>
        <source>Save the authorisation form</source>
        <translation>保存授权审批表</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <source>Import an account ledger</source>
        <translation>导入账号台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} account(s) were imported from {file}.</source>
        <translation>已从 {file} 导入 {count} 个账号。</translation>
    </message>
</context>
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
    <name>AnswerDialog</name>
    <message>
        <source>Record the answer</source>
        <translation>登记答复</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
</context>
<context>
    <name>ApprovalSignDialog</name>
    <message>
        <source>Leader&apos;s sign-off</source>
        <translation>领导签署意见</translation>
    </message>
    <message>
        <source>The application</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <source>Every step of this application is signed.</source>
        <translation>该申请的所有审批环节均已签署。</translation>
    </message>
    <message>
        <source>“{account}” ({platform}) waits for: {step}. The person who signs this step ({role}) signs in here with their own password; {clerk} stays signed in.</source>
        <translation>“{account}”（{platform}）待签署：{step}。请该环节的签署人（{role}）在此用本人密码登录；{clerk} 仍保持登录。</translation>
    </message>
    <message>
        <source>Approver: please sign in</source>
        <translation>请审批人登录</translation>
    </message>
    <message>
        <source>{name} signs “{step}”</source>
        <translation>{name} 签署“{step}”</translation>
    </message>
    <message>
        <source>Content digest (SHA-256): {digest}</source>
        <translation>内容摘要（SHA-256）：{digest}</translation>
    </message>
    <message>
        <source>Signed so far: {steps}</source>
        <translation>已签署：{steps}</translation>
    </message>
    <message>
        <source>This is the first step.</source>
        <translation>这是第一个审批环节。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>账号ID</translation>
    </message>
    <message>
        <source>Other media</source>
        <translation>其它新媒体</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Publishing scope</source>
        <translation>信息发布范围</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>认证状态</translation>
    </message>
    <message>
        <source>Please enter your password to sign.</source>
        <translation>请输入本人密码后再签署。</translation>
    </message>
    <message>
        <source>The password is wrong; nothing was signed.</source>
        <translation>密码不正确，未签署。</translation>
    </message>
</context>
<context>
    <name>ApprovalTexts</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原创</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>互动活动</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>微访谈</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Call for contributions</source>
        <translation>征集</translation>
    </message>
    <message>
        <source>Review by the responsible person</source>
        <translation>责任人审核</translation>
    </message>
    <message>
        <source>Approval by the supervising leader</source>
        <translation>分管领导审批</translation>
    </message>
    <message>
        <source>Approval by the chief</source>
        <translation>主要领导审批</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>{kind}: {form}</source>
        <translation>{kind}：{form}</translation>
    </message>
    <message>
        <source>{deputy} for {leader}</source>
        <translation>{deputy} 代 {leader}</translation>
    </message>
    <message>
        <source>{step}: waiting</source>
        <translation>{step}：待签</translation>
    </message>
    <message>
        <source>{step}: {who} {decision} ({time})</source>
        <translation>{step}：{who} {decision}（{time}）</translation>
    </message>
    <message>
        <source>: “{opinion}”</source>
        <translation>：“{opinion}”</translation>
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
    <name>Assessment</name>
    <message>
        <source>Cadence misses</source>
        <translation>更新未达标</translation>
    </message>
    <message>
        <source>Silent accounts</source>
        <translation>长期未更新账号</translation>
    </message>
    <message>
        <source>Slow approvals</source>
        <translation>审批超时</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Checker stops</source>
        <translation>检查拦截</translation>
    </message>
    <message>
        <source>Text mismatches</source>
        <translation>与审批稿不一致</translation>
    </message>
    <message>
        <source>Late answers</source>
        <translation>逾期回复</translation>
    </message>
    <message>
        <source>Late incident steps</source>
        <translation>突发事件超时环节</translation>
    </message>
    <message>
        <source>Passwords overdue</source>
        <translation>密码逾期未改</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Commend</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Criticise</source>
        <translation>批评</translation>
    </message>
    <message>
        <source>{account}: no post for {days} days</source>
        <translation>{account}连续{days}天未更新</translation>
    </message>
    <message>
        <source>{account}: serious error published {terms}</source>
        <translation>{account}发布内容有严重差错 {terms}</translation>
    </message>
    <message>
        <source>failed the month</source>
        <translation>考核不合格</translation>
    </message>
    <message>
        <source>{account} silent {days} days despite reminders</source>
        <translation>{account}连续{days}天未更新，经多次提醒仍未改进</translation>
    </message>
    <message>
        <source>{count} published texts differ from the approved ones</source>
        <translation>{count}条发布内容与审批稿不一致</translation>
    </message>
    <message>
        <source>timely posts, cadence met, answers on time</source>
        <translation>发布及时、更新达标、回应及时</translation>
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
        <source>Comment or message recorded</source>
        <translation>登记评论或留言</translation>
    </message>
    <message>
        <source>Comment or message handled</source>
        <translation>处置评论或留言</translation>
    </message>
    <message>
        <source>Feedback handed over</source>
        <translation>群众反馈转交部门</translation>
    </message>
    <message>
        <source>Feedback answered</source>
        <translation>群众反馈已答复</translation>
    </message>
    <message>
        <source>Incident opened</source>
        <translation>登记突发事件</translation>
    </message>
    <message>
        <source>Incident step recorded</source>
        <translation>登记突发事件处置环节</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>突发事件结束</translation>
    </message>
    <message>
        <source>Publishing paused</source>
        <translation>暂停发布</translation>
    </message>
    <message>
        <source>Publishing resumed</source>
        <translation>恢复发布</translation>
    </message>
    <message>
        <source>Audit key exported</source>
        <translation>导出审计密钥</translation>
    </message>
    <message>
        <source>Account application drafted</source>
        <translation>起草账号开设申请</translation>
    </message>
    <message>
        <source>Account details changed</source>
        <translation>修改账号信息</translation>
    </message>
    <message>
        <source>Account administrator or responsible person changed</source>
        <translation>变更账号管理员或责任人</translation>
    </message>
    <message>
        <source>Account application submitted</source>
        <translation>提交账号开设申请</translation>
    </message>
    <message>
        <source>Account approval restarted</source>
        <translation>账号审批重新开始</translation>
    </message>
    <message>
        <source>Account approval step signed</source>
        <translation>签署账号审批意见</translation>
    </message>
    <message>
        <source>Account application returned</source>
        <translation>退回账号开设申请</translation>
    </message>
    <message>
        <source>Account opened</source>
        <translation>账号开通</translation>
    </message>
    <message>
        <source>Account taken over</source>
        <translation>接管已有账号</translation>
    </message>
    <message>
        <source>Account suspended</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>Account resumed</source>
        <translation>恢复账号</translation>
    </message>
    <message>
        <source>Account closure notice recorded</source>
        <translation>登记停更公告</translation>
    </message>
    <message>
        <source>Account closed</source>
        <translation>注销账号</translation>
    </message>
    <message>
        <source>Account filing recorded</source>
        <translation>登记账号备案</translation>
    </message>
    <message>
        <source>Account opening approval steps changed</source>
        <translation>修改账号开设审批步骤</translation>
    </message>
    <message>
        <source>Reserved words changed</source>
        <translation>修改保留词</translation>
    </message>
    <message>
        <source>Approval routes of posts changed</source>
        <translation>修改稿件审批流程</translation>
    </message>
    <message>
        <source>Platform added</source>
        <translation>新增平台</translation>
    </message>
    <message>
        <source>Platform changed</source>
        <translation>修改平台</translation>
    </message>
    <message>
        <source>Rogue account recorded</source>
        <translation>登记违规账号</translation>
    </message>
    <message>
        <source>Rogue account changed</source>
        <translation>修改违规账号</translation>
    </message>
    <message>
        <source>Action on rogue account</source>
        <translation>处置违规账号</translation>
    </message>
    <message>
        <source>Password holders set</source>
        <translation>设定密码知悉人</translation>
    </message>
    <message>
        <source>Account password changed</source>
        <translation>修改账号密码</translation>
    </message>
    <message>
        <source>Account password shared with holders</source>
        <translation>向知悉人共享账号密码</translation>
    </message>
    <message>
        <source>Account password shown</source>
        <translation>查看账号密码</translation>
    </message>
    <message>
        <source>Account password copied</source>
        <translation>复制账号密码</translation>
    </message>
    <message>
        <source>Account password refused (not a holder)</source>
        <translation>拒绝取用账号密码（非知悉人）</translation>
    </message>
    <message>
        <source>Account password change due</source>
        <translation>账号密码到期应更换</translation>
    </message>
    <message>
        <source>Sealed paper copy of the password made</source>
        <translation>制作密码密封存档</translation>
    </message>
    <message>
        <source>Lexicon created</source>
        <translation>新建词库</translation>
    </message>
    <message>
        <source>Lexicon changed</source>
        <translation>修改词库</translation>
    </message>
    <message>
        <source>Lexicon restored</source>
        <translation>恢复词库</translation>
    </message>
    <message>
        <source>Post drafted</source>
        <translation>起草稿件</translation>
    </message>
    <message>
        <source>Post saved</source>
        <translation>保存稿件</translation>
    </message>
    <message>
        <source>Post submitted for approval</source>
        <translation>提交稿件审批</translation>
    </message>
    <message>
        <source>Post taken back from approval</source>
        <translation>撤回审批中的稿件</translation>
    </message>
    <message>
        <source>Post approval step signed</source>
        <translation>签署稿件审批意见</translation>
    </message>
    <message>
        <source>Post expired</source>
        <translation>稿件过期</translation>
    </message>
    <message>
        <source>Post cancelled</source>
        <translation>作废稿件</translation>
    </message>
    <message>
        <source>Post filing recorded</source>
        <translation>登记稿件备案</translation>
    </message>
    <message>
        <source>Publication recorded</source>
        <translation>登记发布</translation>
    </message>
    <message>
        <source>Publication withdrawn or deleted</source>
        <translation>登记撤回或删除发布</translation>
    </message>
    <message>
        <source>Delegation recorded</source>
        <translation>登记代签授权</translation>
    </message>
    <message>
        <source>Delegation revoked</source>
        <translation>撤销代签授权</translation>
    </message>
    <message>
        <source>Publications imported</source>
        <translation>导入发布记录</translation>
    </message>
    <message>
        <source>Image stored</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>Library item added</source>
        <translation>新增素材</translation>
    </message>
    <message>
        <source>Library item changed</source>
        <translation>修改素材</translation>
    </message>
    <message>
        <source>Library item archived</source>
        <translation>归档素材</translation>
    </message>
    <message>
        <source>Update rule added</source>
        <translation>新增更新频次规则</translation>
    </message>
    <message>
        <source>Update rule changed</source>
        <translation>修改更新频次规则</translation>
    </message>
    <message>
        <source>Update rule deleted</source>
        <translation>删除更新频次规则</translation>
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
    <message>
        <source>Moderation entry</source>
        <translation>评论处置</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>群众反馈</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <source>Publishing pause</source>
        <translation>暂停发布</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Rogue account</source>
        <translation>违规账号</translation>
    </message>
    <message>
        <source>Lexicon</source>
        <translation>词库</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>发布记录</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>代签授权</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Library item</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Update rule</source>
        <translation>更新频次规则</translation>
    </message>
</context>
<context>
    <name>CadenceTexts</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>久未更新</translation>
    </message>
    <message>
        <source>Silent (two weeks)</source>
        <translation>两周未更新</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>未安排</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>after {start}</source>
        <translation>{start}以后</translation>
    </message>
    <message>
        <source>1 post</source>
        <translation>1条</translation>
    </message>
    <message>
        <source>{n} posts</source>
        <translation>{n}条</translation>
    </message>
    <message>
        <source>{low}–{high} posts</source>
        <translation>{low}-{high}条</translation>
    </message>
    <message>
        <source>at least 1 post</source>
        <translation>至少1条</translation>
    </message>
    <message>
        <source>at least {n} posts</source>
        <translation>至少{n}条</translation>
    </message>
    <message>
        <source>at most 1 post</source>
        <translation>最多1条</translation>
    </message>
    <message>
        <source>at most {n} posts</source>
        <translation>最多{n}条</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>on workdays</source>
        <translation>工作日每天</translation>
    </message>
    <message>
        <source>on weekends</source>
        <translation>休息日每天</translation>
    </message>
    <message>
        <source>Next week&apos;s content due every {weekday}</source>
        <translation>每{weekday}提交下一周的内容</translation>
    </message>
    <message>
        <source>Every day at {times}</source>
        <translation>每天 {times} 发布</translation>
    </message>
    <message>
        <source> (if possible also {times})</source>
        <translation>（有条件时另加 {times}）</translation>
    </message>
    <message>
        <source>If possible also at {times}</source>
        <translation>有条件时另加 {times}</translation>
    </message>
    <message>
        <source>Recommended times: {slots}</source>
        <translation>推荐时段：{slots}</translation>
    </message>
    <message>
        <source>At least {n} post(s) within every {days} days</source>
        <translation>每{days}天内至少{n}条</translation>
    </message>
    <message>
        <source>{count} {days}</source>
        <translation>{days}{count}</translation>
    </message>
    <message>
        <source>{count} a week</source>
        <translation>每周{count}</translation>
    </message>
    <message>
        <source>{count} a month</source>
        <translation>每月{count}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CalendarArea</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Update cadence</source>
        <translation>更新频次</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>执行情况</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Not planned yet (drag onto a day)</source>
        <translation>未安排（拖到日历上安排）</translation>
    </message>
    <message>
        <source>Fixed time missed</source>
        <translation>时次已错过</translation>
    </message>
    <message>
        <source>Delivery deadline</source>
        <translation>交稿截止</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
    <message>
        <source>{weekday} {month}/{day}</source>
        <translation>{month}月{day}日 {weekday}</translation>
    </message>
    <message>
        <source>Due: next week&apos;s content of {name} — complete</source>
        <translation>交稿：{name} 下周内容——已排满</translation>
    </message>
    <message>
        <source>Due: next week&apos;s content of {name} — {n} day(s) not planned</source>
        <translation>交稿：{name} 下周内容——还有{n}天未安排</translation>
    </message>
    <message>
        <source>{state} (optional)</source>
        <translation>{state}（可选时次）</translation>
    </message>
    <message>
        <source>{time} fixed time · {name}: {state}</source>
        <translation>{time} 固定时次 · {name}：{state}</translation>
    </message>
    <message>
        <source>Nothing on this day.</source>
        <translation>当天没有安排。</translation>
    </message>
    <message>
        <source>A post cannot be planned for a time that has passed. Choose a later day.</source>
        <translation>不能把稿件安排到已经过去的时间，请选择以后的日期。</translation>
    </message>
    <message>
        <source>“{title}” is now planned for {time}.</source>
        <translation>“{title}”已安排在 {time}。</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>{state} (optional)</source>
        <translation>{state}（可选时次）</translation>
    </message>
    <message>
        <source>{weekday} {month}/{day}</source>
        <translation>{weekday} {month}月{day}日</translation>
    </message>
    <message>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <source>Due: {what}</source>
        <translation>交稿：{what}</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>另有{n}条</translation>
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
    <name>CheckerPage</name>
    <message>
        <source>Title (WeChat articles and websites need one)</source>
        <translation>标题（公众号文章和网站须有标题）</translation>
    </message>
    <message>
        <source>Any platform</source>
        <translation>不限平台</translation>
    </message>
    <message>
        <source>Type or paste the text of a post. Problems are marked as you type: red must be fixed, orange needs the chief&apos;s approval, a wavy line is worth checking. Hover over a mark to see why.</source>
        <translation>在此输入或粘贴稿件正文，输入时即标出问题：红色须修改，橙色须主要领导审批，波浪线提醒核对。鼠标停在标记上可查看原因。</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>The office&apos;s lexicons could not be read, so this text was checked against the shipped lists only.

{error}</source>
        <translation>无法读取本单位词表，本次仅按软件自带词表检查。

{error}</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} 字</translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation>{count} / {limit} 字</translation>
    </message>
    <message>
        <source>half-width characters count half</source>
        <translation>半角字符计半个字</translation>
    </message>
    <message>
        <source>the feed shows the first {preview}</source>
        <translation>信息流中显示前 {preview} 字</translation>
    </message>
    <message>
        <source> ({notes})</source>
        <translation>（{notes}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <source>Copied. {count} problem(s) must still be fixed before publishing.</source>
        <translation>已复制。仍有 {count} 处须修改后才能发布。</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
</context>
<context>
    <name>CheckerTexts</name>
    <message>
        <source>Must fix</source>
        <translation>须修改</translation>
    </message>
    <message>
        <source>Chief approves</source>
        <translation>主要领导审批</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Must be fixed: blocks submission</source>
        <translation>须修改（阻止提交）</translation>
    </message>
    <message>
        <source>Sensitive: the chief must approve the post</source>
        <translation>敏感：须报主要领导审批</translation>
    </message>
    <message>
        <source>Note: check the wording</source>
        <translation>提醒：请核对用语</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Platform rule</source>
        <translation>平台规则</translation>
    </message>
    <message>
        <source>Office list</source>
        <translation>本单位词表</translation>
    </message>
    <message>
        <source>Opposes the Party&apos;s leadership</source>
        <translation>反对党的领导</translation>
    </message>
    <message>
        <source>Endangers national security</source>
        <translation>危害国家安全</translation>
    </message>
    <message>
        <source>Undermines national unity</source>
        <translation>破坏国家统一</translation>
    </message>
    <message>
        <source>Discloses state secrets</source>
        <translation>泄露国家秘密</translation>
    </message>
    <message>
        <source>Opposes the Constitution</source>
        <translation>反对宪法原则</translation>
    </message>
    <message>
        <source>Harms national honour</source>
        <translation>损害国家荣誉</translation>
    </message>
    <message>
        <source>Ethnic hatred</source>
        <translation>民族仇恨</translation>
    </message>
    <message>
        <source>Ethnic discrimination</source>
        <translation>民族歧视</translation>
    </message>
    <message>
        <source>Incites violence</source>
        <translation>煽动暴力</translation>
    </message>
    <message>
        <source>Violence and terror</source>
        <translation>暴力恐怖</translation>
    </message>
    <message>
        <source>Cult</source>
        <translation>邪教</translation>
    </message>
    <message>
        <source>Superstition</source>
        <translation>封建迷信</translation>
    </message>
    <message>
        <source>Rumour</source>
        <translation>谣言</translation>
    </message>
    <message>
        <source>Gambling</source>
        <translation>赌博</translation>
    </message>
    <message>
        <source>Pornography</source>
        <translation>色情</translation>
    </message>
    <message>
        <source>Illegal solicitation</source>
        <translation>违法招揽</translation>
    </message>
    <message>
        <source>Infringes others&apos; rights</source>
        <translation>侵犯他人权益</translation>
    </message>
    <message>
        <source>Important case</source>
        <translation>重要案件</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <source>Public opinion incident</source>
        <translation>舆情</translation>
    </message>
    <message>
        <source>Socially sensitive</source>
        <translation>社会敏感</translation>
    </message>
    <message>
        <source>Hong Kong, Macao and Taiwan wording</source>
        <translation>涉港澳台用语</translation>
    </message>
    <message>
        <source>Country name</source>
        <translation>国名</translation>
    </message>
    <message>
        <source>Ethnic and religious wording</source>
        <translation>民族宗教用语</translation>
    </message>
    <message>
        <source>Form of address</source>
        <translation>称谓</translation>
    </message>
    <message>
        <source>Legal term</source>
        <translation>法律用语</translation>
    </message>
    <message>
        <source>Serious error in a name</source>
        <translation>严重差错</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>商业广告</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Emotional wording</source>
        <translation>情绪化表达</translation>
    </message>
    <message>
        <source>Personal opinion</source>
        <translation>个人观点</translation>
    </message>
    <message>
        <source>banned content list</source>
        <translation>禁发内容词表</translation>
    </message>
    <message>
        <source>sensitive topics list</source>
        <translation>敏感话题词表</translation>
    </message>
    <message>
        <source>standard wording list</source>
        <translation>规范用语词表</translation>
    </message>
    <message>
        <source>serious errors list</source>
        <translation>严重差错词表</translation>
    </message>
    <message>
        <source>advertising wording list</source>
        <translation>商业广告用语词表</translation>
    </message>
    <message>
        <source>emotional wording list</source>
        <translation>情绪化表达词表</translation>
    </message>
    <message>
        <source>ID number (valid check digit)</source>
        <translation>身份证号码（校验位有效）</translation>
    </message>
    <message>
        <source>mobile phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>bank card number (valid check digit)</source>
        <translation>银行卡号（校验位有效）</translation>
    </message>
    <message>
        <source>length of the body</source>
        <translation>正文字数</translation>
    </message>
    <message>
        <source>length of the title</source>
        <translation>标题字数</translation>
    </message>
    <message>
        <source>length of the digest</source>
        <translation>摘要字数</translation>
    </message>
    <message>
        <source>a title is required</source>
        <translation>须有标题</translation>
    </message>
    <message>
        <source>hashtag not closed</source>
        <translation>话题标签未闭合</translation>
    </message>
    <message>
        <source>empty hashtag</source>
        <translation>空话题标签</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>list “{name}”</source>
        <translation>词表“{name}”</translation>
    </message>
    <message>
        <source>Mask it: {masked}</source>
        <translation>打码为 {masked}</translation>
    </message>
    <message>
        <source>{count} characters, {platform} allows {limit}: shorten it</source>
        <translation>计 {count} 字，{platform}上限 {limit} 字，请删减</translation>
    </message>
    <message>
        <source>{platform} needs a title</source>
        <translation>{platform}须填写标题</translation>
    </message>
    <message>
        <source>Write hashtags as #topic#, opened and closed on one line</source>
        <translation>话题标签写作 #话题#，须在同一行内成对出现</translation>
    </message>
    <message>
        <source>{severity} · {category}</source>
        <translation>{severity} · {category}</translation>
    </message>
    <message>
        <source>Suggestion: {advice}</source>
        <translation>建议：{advice}</translation>
    </message>
    <message>
        <source>Found by: {rule}</source>
        <translation>依据：{rule}</translation>
    </message>
</context>
<context>
    <name>CloseIncidentDialog</name>
    <message>
        <source>Close “{title}”</source>
        <translation>结束事件“{title}”</translation>
    </message>
    <message>
        <source>Not recorded yet: {steps}. They stay open in the ledger.</source>
        <translation>尚未登记：{steps}。台账中将保留为未办。</translation>
    </message>
    <message>
        <source>Publishing resumes on: {accounts}</source>
        <translation>以下账号将恢复发布：{accounts}</translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>结束事件</translation>
    </message>
</context>
<context>
    <name>ClosureNoticeDialog</name>
    <message>
        <source>Record the closure notice</source>
        <translation>记录停更公告</translation>
    </message>
    <message>
        <source>Where it was posted (optional)</source>
        <translation>发布位置（选填）</translation>
    </message>
    <message>
        <source>Posted on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>An account is closed only after a public notice that it stops updating. Record the day the notice was posted.</source>
        <translation>账号须先发布停更公告才能注销。请记录公告发布的日期。</translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{start} to {end}: {accounts} open account(s); {silent} quiet or silent now; {missed} requirement(s) missed. Hover over a figure of missed for the days.</source>
        <translation>{start} 至 {end}：在用账号 {accounts} 个；目前久未更新或两周未更新的 {silent} 个；未达标 {missed} 项。鼠标停在“未达标”的数字上可查看具体日期。</translation>
    </message>
</context>
<context>
    <name>ComplianceTableModel</name>
    <message>
        <source>Account or column</source>
        <translation>账号或栏目</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Longest gap (days)</source>
        <translation>最长间隔（天）</translation>
    </message>
    <message>
        <source>Days since last post</source>
        <translation>距上次发布（天）</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>更新状态</translation>
    </message>
    <message>
        <source>{level}, reminder at {days} days</source>
        <translation>{level}，已满{days}天提醒</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未发布</translation>
    </message>
    <message>
        <source>{day}: {rule} — wanted {wanted}, got {got}</source>
        <translation>{day}：{rule}——要求 {wanted}，实际 {got}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有{n}项</translation>
    </message>
</context>
<context>
    <name>CredentialPanel</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Holders…</source>
        <translation>指定知悉人…</translation>
    </message>
    <message>
        <source>Set / change password…</source>
        <translation>设置／更换密码…</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Share again</source>
        <translation>重新共享</translation>
    </message>
    <message>
        <source>Record sealed copy</source>
        <translation>记录密封存档</translation>
    </message>
    <message>
        <source>Encrypt the current password for exactly the current holders</source>
        <translation>按当前知悉人重新加密现有密码</translation>
    </message>
    <message>
        <source>Account passwords are switched off on this computer: the system password store cannot be used. Nothing is written.

Reason: {reason}</source>
        <translation>本机的账号密码功能已关闭：无法使用系统密码库，不会写入任何内容。

原因：{reason}</translation>
    </message>
    <message>
        <source>Last changed: {time} by {name}</source>
        <translation>最近修改：{time}，{name}</translation>
    </message>
    <message>
        <source>No password is stored for this account yet.</source>
        <translation>该账号尚未保存密码。</translation>
    </message>
    <message>
        <source>Sealed paper copy: never recorded</source>
        <translation>密封存档：尚无记录</translation>
    </message>
    <message>
        <source>Sealed paper copy: {time} by {name}</source>
        <translation>密封存档：{time}，{name}</translation>
    </message>
    <message>
        <source>older than the password: seal a new copy</source>
        <translation>早于最近一次改密，请重新密封存档</translation>
    </message>
    <message>
        <source>Change the password soon: {reasons}</source>
        <translation>须及时修改密码：{reasons}</translation>
    </message>
    <message>
        <source>Another holder must share the password again before you can open it.</source>
        <translation>须由另一位知悉人重新共享密码后，您才能查看。</translation>
    </message>
    <message>
        <source>Reveal password</source>
        <translation>查看密码</translation>
    </message>
    <message>
        <source>Copy password</source>
        <translation>复制密码</translation>
    </message>
    <message>
        <source>To see or copy the password of {account}, enter your own password again.</source>
        <translation>查看或复制“{account}”的密码前，请再次输入您本人的登录密码。</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>遮盖</translation>
    </message>
    <message>
        <source>The password is on the clipboard; it is cleared in {seconds} s.</source>
        <translation>密码已复制到剪贴板，{seconds} 秒后自动清除。</translation>
    </message>
    <message>
        <source>Enter your own password to share the password of {account} again.</source>
        <translation>请输入您本人的登录密码，以重新共享“{account}”的密码。</translation>
    </message>
    <message>
        <source>Every current holder can open the password now.</source>
        <translation>现在所有知悉人都能查看该密码。</translation>
    </message>
    <message>
        <source>Record that the current password of {account} was sealed on paper today, by you?</source>
        <translation>记录“{account}”的现行密码已由您于今天密封存档？</translation>
    </message>
</context>
<context>
    <name>DelegationDialog</name>
    <message>
        <source>New delegation</source>
        <translation>新建代签授权</translation>
    </message>
    <message>
        <source>e.g. on a business trip 3–7 March</source>
        <translation>例如：3月3日至7日出差</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>被代签领导</translation>
    </message>
    <message>
        <source>Deputy who signs</source>
        <translation>代签人</translation>
    </message>
    <message>
        <source>Consent of (chief)</source>
        <translation>同意人（主要领导）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>While the delegation is in force the deputy may sign the leader&apos;s approval steps; each such sign-off shows “deputy for leader”. The chief consents by typing their password here.</source>
        <translation>授权有效期内，代签人可签署该领导的审批步骤，审批意见显示为“代签人 代 领导”。主要领导在此输入本人密码表示同意。</translation>
    </message>
    <message>
        <source>You consent as the chief: type your own password.</source>
        <translation>您以主要领导身份同意：请输入您本人的密码。</translation>
    </message>
    <message>
        <source>{name} consents: they type their password here.</source>
        <translation>由 {name} 同意：请其在此输入本人密码。</translation>
    </message>
    <message>
        <source>The consenting chief types their password here.</source>
        <translation>同意的主要领导在此输入本人密码。</translation>
    </message>
    <message>
        <source>Please choose the consenting chief.</source>
        <translation>请选择同意的主要领导。</translation>
    </message>
    <message>
        <source>The consenting chief must type their password.</source>
        <translation>同意的主要领导须输入本人密码。</translation>
    </message>
    <message>
        <source>The password of {name} is wrong; nothing was recorded.</source>
        <translation>{name} 的密码不正确，未作登记。</translation>
    </message>
</context>
<context>
    <name>DelegationPage</name>
    <message>
        <source>A deputy may sign a leader&apos;s approval steps for a period, with the chief&apos;s consent (the leader is away). Such sign-offs show “deputy for leader”.</source>
        <translation>领导外出时，经主要领导同意，可由代签人在一段时间内签署该领导的审批步骤；此类审批意见显示为“代签人 代 领导”。</translation>
    </message>
    <message>
        <source>New delegation…</source>
        <translation>新建代签授权…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>End the delegation of {deputy} for {leader} now?</source>
        <translation>现在结束 {deputy} 代 {leader} 签署的授权吗？</translation>
    </message>
</context>
<context>
    <name>DelegationTableModel</name>
    <message>
        <source>Deputy</source>
        <translation>代签人</translation>
    </message>
    <message>
        <source>Signs for</source>
        <translation>被代签领导</translation>
    </message>
    <message>
        <source>Consent of</source>
        <translation>同意人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Revoked {time}</source>
        <translation>已于 {time} 撤销</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Not yet in force</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>DraftList</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>DraftTexts</name>
    <message>
        <source>Original</source>
        <translation>原创</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>Interactive activity</source>
        <translation>互动活动</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Online interview</source>
        <translation>微访谈</translation>
    </message>
    <message>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Call for contributions</source>
        <translation>征集</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>信息类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>信息分级</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>稿件类型</translation>
    </message>
    <message>
        <source>Activity form</source>
        <translation>活动形式</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>发布账号</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划发布时间</translation>
    </message>
    <message>
        <source>The title must be one line.</source>
        <translation>标题只能是一行。</translation>
    </message>
    <message>
        <source>The title may have at most {limit} characters (it has {length}).</source>
        <translation>标题最多 {limit} 个字（现有 {length} 个）。</translation>
    </message>
    <message>
        <source>Please write the text of the post.</source>
        <translation>请填写稿件正文。</translation>
    </message>
    <message>
        <source>The text may have at most {limit} characters (it has {length}).</source>
        <translation>正文最多 {limit} 个字（现有 {length} 个）。</translation>
    </message>
    <message>
        <source>The column must be one line.</source>
        <translation>栏目只能是一行。</translation>
    </message>
    <message>
        <source>The column may have at most {limit} characters.</source>
        <translation>栏目最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>Please choose the category.</source>
        <translation>请选择信息类别。</translation>
    </message>
    <message>
        <source>The source must be one line.</source>
        <translation>来源只能是一行。</translation>
    </message>
    <message>
        <source>The source may have at most {limit} characters.</source>
        <translation>来源最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>A repost needs its source (来源): name the account or body it comes from.</source>
        <translation>转发稿件必须注明来源：请填写原发布账号或单位。</translation>
    </message>
    <message>
        <source>Please choose the form of the activity (vote, topic …).</source>
        <translation>请选择互动活动的形式（投票、话题……）。</translation>
    </message>
    <message>
        <source>Please tick at least one account the post is for.</source>
        <translation>请至少勾选一个发布账号。</translation>
    </message>
    <message>
        <source>One of the chosen accounts no longer exists; reopen the post.</source>
        <translation>所选账号中有一个已不存在，请重新打开稿件。</translation>
    </message>
    <message>
        <source>You may not draft for one of the chosen accounts: it belongs to another unit.</source>
        <translation>所选账号中有一个属于其他单位，您无权为其撰稿。</translation>
    </message>
    <message>
        <source>A published or cancelled post cannot be changed.</source>
        <translation>已发布或已作废的稿件不能修改。</translation>
    </message>
    <message>
        <source>The note may have at most {limit} characters.</source>
        <translation>修改说明最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>The checker&apos;s findings require a higher tier.</source>
        <translation>内容检查结果要求更高的信息分级。</translation>
    </message>
    <message>
        <source>“{name}” cannot be read. Check that the file exists and is not open.</source>
        <translation>无法读取“{name}”。请确认文件存在且未被其他程序占用。</translation>
    </message>
    <message>
        <source>“{name}” has {size_mb} MB; an image may have at most {limit_mb} MB. Make it smaller and add it again.</source>
        <translation>“{name}”大小为 {size_mb} MB，图片最大 {limit_mb} MB。请压缩后重新添加。</translation>
    </message>
    <message>
        <source>“{name}” is too large: an image may be at most {limit} × {limit} pixels.</source>
        <translation>“{name}”尺寸过大：图片最大 {limit} × {limit} 像素。</translation>
    </message>
    <message>
        <source>“{name}” is not an image, whatever its name says.</source>
        <translation>“{name}”不是图片（尽管文件名看起来像图片）。</translation>
    </message>
    <message>
        <source>“{name}” is not a JPEG, PNG, GIF or WebP image.</source>
        <translation>“{name}”不是 JPEG、PNG、GIF 或 WebP 格式的图片。</translation>
    </message>
    <message>
        <source>“{name}” is not what its name says: the file is a {actual} image. Rename it or save it again in the right format.</source>
        <translation>“{name}”的扩展名与内容不符：它实际是 {actual} 图片。请改正扩展名，或另存为正确的格式。</translation>
    </message>
    <message>
        <source>“{name}” is damaged or incomplete and cannot be used.</source>
        <translation>“{name}”已损坏或不完整，无法使用。</translation>
    </message>
    <message>
        <source>A library item needs a text or an image.</source>
        <translation>素材须有文字或图片。</translation>
    </message>
    <message>
        <source>The tag “{tag}” is too long (at most {limit} characters).</source>
        <translation>标签“{tag}”过长（最多 {limit} 个字）。</translation>
    </message>
    <message>
        <source>An item may have at most {limit} tags.</source>
        <translation>每条素材最多 {limit} 个标签。</translation>
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
        <source>Your personal key cannot open this account password. If you were added as a holder recently or your password was reset, another holder must share it again (or change it).

Details: {message}</source>
        <translation>您的个人密钥无法打开该账号密码。如果您刚被指定为知悉人，或您的登录密码刚被重置，请另一位知悉人重新共享（或修改）密码。

详情：{message}</translation>
    </message>
    <message>
        <source>The encrypted password is too large for the system password store. Use a shorter password or fewer holders. Nothing was changed.</source>
        <translation>加密后的密码超出系统密码库的容量。请使用较短的密码或减少知悉人。未作任何更改。</translation>
    </message>
    <message>
        <source>The file could not be saved; nothing was changed.

Details: {message}</source>
        <translation>文件未能保存，未作任何更改。

详情：{message}</translation>
    </message>
    <message>
        <source>The file is open in another program (Excel?). Close it there and try again.

{path}</source>
        <translation>文件正被其他程序（Excel？）打开。请先关闭后再试。

{path}</translation>
    </message>
    <message>
        <source>“{field}” has {length} characters, more than one Excel cell holds ({limit}). Shorten it and export again.</source>
        <translation>“{field}”共 {length} 个字符，超过 Excel 单元格上限（{limit}）。请删减后重新导出。</translation>
    </message>
    <message>
        <source>The form template is missing or damaged; ask the office administrator.

Details: {message}</source>
        <translation>表格模板缺失或已损坏，请联系系统管理员。

详情：{message}</translation>
    </message>
    <message>
        <source>The form template has room for {places} lines but {count} are needed. Add lines to the template (see the forms folder).</source>
        <translation>表格模板只有 {places} 行，实际需要 {count} 行。请在模板中增加行（见 forms 文件夹）。</translation>
    </message>
    <message>
        <source>The file was not imported: {count} problem(s) were found. Nothing was changed.</source>
        <translation>文件未导入：发现 {count} 处问题，未作任何更改。</translation>
    </message>
    <message>
        <source>Line {line} of {source} cannot be read; nothing was changed.

Details: {message}</source>
        <translation>{source} 第 {line} 行无法读取，未做任何更改。

详情：{message}</translation>
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
        <source>A closed account cannot be changed.</source>
        <translation>已注销的账号不能修改。</translation>
    </message>
    <message>
        <source>A platform of that name exists already.</source>
        <translation>已有同名平台。</translation>
    </message>
    <message>
        <source>Please write an opinion: say why the application is returned.</source>
        <translation>请填写意见，说明退回原因。</translation>
    </message>
    <message>
        <source>An account cannot be placed below itself or one of its own sub-accounts.</source>
        <translation>账号不能隶属于自身或其下级账号。</translation>
    </message>
    <message>
        <source>Another account on this platform has this ID.</source>
        <translation>该平台上已有账号使用此账号ID。</translation>
    </message>
    <message>
        <source>Another account on this platform has this name.</source>
        <translation>该平台上已有同名账号。</translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation>电子邮箱地址无效。</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>网址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Please choose an existing platform.</source>
        <translation>请选择已有的平台。</translation>
    </message>
    <message>
        <source>This platform is no longer in use; choose another.</source>
        <translation>该平台已停用，请另选。</translation>
    </message>
    <message>
        <source>This unit is no longer in use; choose another.</source>
        <translation>该单位已停用，请另选。</translation>
    </message>
    <message>
        <source>Please choose an existing person.</source>
        <translation>请选择已有人员。</translation>
    </message>
    <message>
        <source>This person has left; choose somebody still working here.</source>
        <translation>此人已离职，请选择在职人员。</translation>
    </message>
    <message>
        <source>The chosen parent account does not exist.</source>
        <translation>所选上级账号不存在。</translation>
    </message>
    <message>
        <source>The parent account is closed.</source>
        <translation>上级账号已注销。</translation>
    </message>
    <message>
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>The application is not in approval (any more).</source>
        <translation>该申请不在审批中。</translation>
    </message>
    <message>
        <source>The application was changed after its approval began, so the approval starts again. Please read the application once more before signing.</source>
        <translation>申请在审批开始后被修改，审批须重新开始。请重新阅读申请内容后再签署。</translation>
    </message>
    <message>
        <source>The steps are signed in order; an earlier step is still open.</source>
        <translation>审批须按顺序签署，前一环节尚未签署。</translation>
    </message>
    <message>
        <source>This step is signed already.</source>
        <translation>该环节已签署。</translation>
    </message>
    <message>
        <source>This step must be signed by somebody with another role.</source>
        <translation>该环节须由其他角色的人员签署。</translation>
    </message>
    <message>
        <source>This step must be signed by the head of the applying unit.</source>
        <translation>该环节须由申请部门负责人签署。</translation>
    </message>
    <message>
        <source>The person who submitted the application may not sign it.</source>
        <translation>提交申请的人不能签署该申请。</translation>
    </message>
    <message>
        <source>One person may sign only one step of an application.</source>
        <translation>同一申请中每人只能签署一个环节。</translation>
    </message>
    <message>
        <source>This person can no longer sign.</source>
        <translation>此人已不能签署。</translation>
    </message>
    <message>
        <source>This step is not part of the approval (any more).</source>
        <translation>该环节不属于本次审批。</translation>
    </message>
    <message>
        <source>The opinion may have at most {limit} characters.</source>
        <translation>意见最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Record the date of the public closure notice before closing the account.</source>
        <translation>注销账号前，请先记录停更公告的发布日期。</translation>
    </message>
    <message>
        <source>The closure notice must be posted before the account is closed.</source>
        <translation>停更公告须在注销前发布。</translation>
    </message>
    <message>
        <source>Only an open or suspended account gets a closure notice.</source>
        <translation>只有已开通或已停用的账号才需记录停更公告。</translation>
    </message>
    <message>
        <source>The notice date is in the future.</source>
        <translation>公告日期晚于今天。</translation>
    </message>
    <message>
        <source>The notice date is before the account was opened.</source>
        <translation>公告日期早于账号开通日期。</translation>
    </message>
    <message>
        <source>The filing date is in the future.</source>
        <translation>备案日期晚于今天。</translation>
    </message>
    <message>
        <source>The filing date is before the event that was filed.</source>
        <translation>备案日期早于所备案事项的日期。</translation>
    </message>
    <message>
        <source>This has been filed already.</source>
        <translation>此事项已备案。</translation>
    </message>
    <message>
        <source>This history entry needs no filing.</source>
        <translation>此记录无需备案。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期晚于今天。</translation>
    </message>
    <message>
        <source>The time found is in the future.</source>
        <translation>发现时间晚于现在。</translation>
    </message>
    <message>
        <source>The date is before the account was found.</source>
        <translation>日期早于发现该账号的时间。</translation>
    </message>
    <message>
        <source>This entry is closed already.</source>
        <translation>此条目已关闭。</translation>
    </message>
    <message>
        <source>The post is not waiting for approval (any more).</source>
        <translation>该稿件（已）不在待审批状态。</translation>
    </message>
    <message>
        <source>The planned time of the post has passed, so it can no longer be approved. The clerk must plan it again.</source>
        <translation>稿件的计划发布时间已过，不能再审批，须由信息员重新安排时间。</translation>
    </message>
    <message>
        <source>The post was changed while you were reading it; nothing was signed. Read it again.</source>
        <translation>您阅读期间稿件已被修改，未作签署。请重新阅读。</translation>
    </message>
    <message>
        <source>The stored post does not match its content hash: it may have been altered outside the program. Nothing was signed; tell the office administrator.</source>
        <translation>存储的稿件与其内容摘要不符，可能在本程序之外被改动。未作签署，请告知系统管理员。</translation>
    </message>
    <message>
        <source>Every step of this approval has been decided already.</source>
        <translation>本轮审批的各步骤均已签署。</translation>
    </message>
    <message>
        <source>The approval needs 1 to {limit} steps.</source>
        <translation>审批需有 1 至 {limit} 个步骤。</translation>
    </message>
    <message>
        <source>Two steps are the same step; remove one of them.</source>
        <translation>有两个步骤重复，请删除其中一个。</translation>
    </message>
    <message>
        <source>The route of {tier} needs 1 to {steps} steps, each with a title of at most {limit} characters.</source>
        <translation>“{tier}”的审批流程需有 1 至 {steps} 个步骤，每个步骤须有名称，最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>The route of 重要 needs a step signed by a leader (分管领导 or 主要领导).</source>
        <translation>“重要”信息的审批流程须有一个由领导（分管领导或主要领导）签批的步骤。</translation>
    </message>
    <message>
        <source>The route of 敏感 needs a step signed by the 主要领导.</source>
        <translation>“敏感”信息的审批流程须有一个由主要领导签批的步骤。</translation>
    </message>
    <message>
        <source>Nobody may approve their own post: another approver must sign this step.</source>
        <translation>任何人不得审批自己起草的稿件，此步骤须由其他审批人签署。</translation>
    </message>
    <message>
        <source>One person may sign only one step of a post.</source>
        <translation>同一人只能签署一篇稿件的一个审批步骤。</translation>
    </message>
    <message>
        <source>This post needs no filing.</source>
        <translation>该稿件无需备案。</translation>
    </message>
    <message>
        <source>A post may be recorded as published only after its approval is complete.</source>
        <translation>稿件须审批完成后才能登记发布。</translation>
    </message>
    <message>
        <source>The post is not meant for this account.</source>
        <translation>该稿件不在此账号发布。</translation>
    </message>
    <message>
        <source>The link must be one line of at most 500 characters.</source>
        <translation>链接须为一行，最多 500 个字符。</translation>
    </message>
    <message>
        <source>The platform&apos;s post ID is too long (at most 100 characters).</source>
        <translation>平台稿件 ID 过长（最多 100 个字符）。</translation>
    </message>
    <message>
        <source>Please choose whether the post was withdrawn or deleted.</source>
        <translation>请选择是撤回还是删除。</translation>
    </message>
    <message>
        <source>This publication has been recorded as withdrawn or deleted already.</source>
        <translation>该发布记录已登记为撤回或删除。</translation>
    </message>
    <message>
        <source>Please choose somebody who still works here.</source>
        <translation>请选择仍在岗的人员。</translation>
    </message>
    <message>
        <source>Only an approver (a responsible person, a supervising leader or the chief) can have a deputy sign for them.</source>
        <translation>只有审批人（责任人、分管领导或主要领导）才能授权他人代签。</translation>
    </message>
    <message>
        <source>The deputy must be somebody other than the leader.</source>
        <translation>代签人不能是被代签的领导本人。</translation>
    </message>
    <message>
        <source>The deputy must be a responsible person or a leader.</source>
        <translation>代签人须为责任人或领导。</translation>
    </message>
    <message>
        <source>The consent must be given by the chief.</source>
        <translation>须由主要领导同意。</translation>
    </message>
    <message>
        <source>The deputy cannot consent to their own delegation.</source>
        <translation>代签人不能同意对自己的授权。</translation>
    </message>
    <message>
        <source>The end of the period must be after its start.</source>
        <translation>结束时间须晚于开始时间。</translation>
    </message>
    <message>
        <source>A delegation is recorded by the consenting chief or an administrator.</source>
        <translation>代签授权须由同意的主要领导或系统管理员登记。</translation>
    </message>
    <message>
        <source>This delegation has been revoked already.</source>
        <translation>该代签授权已撤销。</translation>
    </message>
    <message>
        <source>Only people still working here can hold a password.</source>
        <translation>只有在职人员才能作为密码知悉人。</translation>
    </message>
    <message>
        <source>{count} holder(s) have never signed in, so they have no personal key yet. Ask them to sign in once, then store the password.</source>
        <translation>有 {count} 位知悉人从未登录，尚无个人密钥。请他们先登录一次，再保存密码。</translation>
    </message>
    <message>
        <source>The account password is empty or starts or ends with a space.</source>
        <translation>账号密码为空，或首尾有空格。</translation>
    </message>
    <message>
        <source>The account password may have at most {limit} characters.</source>
        <translation>账号密码最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Please enter the term.</source>
        <translation>请填写词条。</translation>
    </message>
    <message>
        <source>A term cannot start with # (that marks a comment in a lexicon file).</source>
        <translation>词条不能以 # 开头（# 在词库文件中表示注释）。</translation>
    </message>
    <message>
        <source>The term must be one line without tabs.</source>
        <translation>词条须为一行，且不含制表符。</translation>
    </message>
    <message>
        <source>The category must be one line without tabs.</source>
        <translation>类别须为一行，且不含制表符。</translation>
    </message>
    <message>
        <source>The suggested wording must be one line without tabs.</source>
        <translation>建议写法须为一行，且不含制表符。</translation>
    </message>
    <message>
        <source>Please enter the title.</source>
        <translation>请填写词库名称。</translation>
    </message>
    <message>
        <source>The title must be one line.</source>
        <translation>词库名称须为一行。</translation>
    </message>
    <message>
        <source>The file name must be 1 to 32 lower-case letters, digits or “_”.</source>
        <translation>文件名须为 1 至 32 个小写字母、数字或“_”。</translation>
    </message>
    <message>
        <source>Please fill in the marked field.</source>
        <translation>请填写标出的内容。</translation>
    </message>
    <message>
        <source>The text is too long (at most {limit} characters).</source>
        <translation>内容过长（最多{limit}个字）。</translation>
    </message>
    <message>
        <source>The time lies in the future.</source>
        <translation>时间不能晚于现在。</translation>
    </message>
    <message>
        <source>The time is before it was received.</source>
        <translation>时间早于收到的时间。</translation>
    </message>
    <message>
        <source>The time is before the incident was opened.</source>
        <translation>时间早于事件发生时间。</translation>
    </message>
    <message>
        <source>The author must be one line.</source>
        <translation>留言人只能填一行。</translation>
    </message>
    <message>
        <source>The name must be one line.</source>
        <translation>姓名只能填一行。</translation>
    </message>
    <message>
        <source>Please choose comment or message.</source>
        <translation>请选择评论或留言。</translation>
    </message>
    <message>
        <source>Please choose what was done.</source>
        <translation>请选择处置方式。</translation>
    </message>
    <message>
        <source>Please choose the department it was handed to.</source>
        <translation>请选择转交的部门。</translation>
    </message>
    <message>
        <source>Please choose the level of the incident.</source>
        <translation>请选择事件级别。</translation>
    </message>
    <message>
        <source>Please choose the step.</source>
        <translation>请选择处置环节。</translation>
    </message>
    <message>
        <source>This account no longer exists; reload and choose again.</source>
        <translation>该账号已不存在，请刷新后重新选择。</translation>
    </message>
    <message>
        <source>This unit no longer exists; reload and choose again.</source>
        <translation>该单位已不存在，请刷新后重新选择。</translation>
    </message>
    <message>
        <source>This comment or message has been handled already.</source>
        <translation>该评论或留言已处置。</translation>
    </message>
    <message>
        <source>The answer to this feedback has been recorded already.</source>
        <translation>该群众反馈的答复已登记。</translation>
    </message>
    <message>
        <source>The answer cannot be due before the feedback was received.</source>
        <translation>答复期限不能早于收到反馈的日期。</translation>
    </message>
    <message>
        <source>This incident is closed.</source>
        <translation>该事件已结束。</translation>
    </message>
    <message>
        <source>Authoritative information within 5 hours is required only for 特别重大 and 重大 incidents; this incident has no such step.</source>
        <translation>5小时内发布权威信息仅适用于特别重大、重大事件；本事件无此环节。</translation>
    </message>
    <message>
        <source>Please choose at least one account.</source>
        <translation>请至少选择一个账号。</translation>
    </message>
    <message>
        <source>Publishing on this account has been resumed already.</source>
        <translation>该账号已恢复发布。</translation>
    </message>
    <message>
        <source>Publishing on this account is paused while an incident is being handled. The office administrator or the chief can resume it (Ledgers → Incidents).</source>
        <translation>突发事件处置期间，该账号已暂停发布。可由系统管理员或主要领导恢复（台账 → 突发事件）。</translation>
    </message>
    <message>
        <source>The last day of the period is before its first day.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>Please check the steps: each needs a title of at most 40 characters and a role.</source>
        <translation>请检查审批步骤：每个步骤须有名称（最多 40 个字）和签批角色。</translation>
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
        <source>Please check the account ID.</source>
        <translation>请检查账号ID。</translation>
    </message>
    <message>
        <source>Please check the address.</source>
        <translation>请检查网址。</translation>
    </message>
    <message>
        <source>Please check the e-mail address.</source>
        <translation>请检查电子邮箱。</translation>
    </message>
    <message>
        <source>Please check the purpose.</source>
        <translation>请检查用途。</translation>
    </message>
    <message>
        <source>Please check the publishing scope.</source>
        <translation>请检查信息发布范围。</translation>
    </message>
    <message>
        <source>Please check the other media.</source>
        <translation>请检查其它新媒体。</translation>
    </message>
    <message>
        <source>Please check the introduction.</source>
        <translation>请检查简介。</translation>
    </message>
    <message>
        <source>Please check the platform.</source>
        <translation>请检查平台。</translation>
    </message>
    <message>
        <source>Please check the administrator.</source>
        <translation>请检查管理人。</translation>
    </message>
    <message>
        <source>Please check the responsible person.</source>
        <translation>请检查责任人。</translation>
    </message>
    <message>
        <source>Please check the update requirement.</source>
        <translation>请检查更新要求。</translation>
    </message>
    <message>
        <source>Please check the approval note.</source>
        <translation>请检查批准说明。</translation>
    </message>
    <message>
        <source>Please check the reason.</source>
        <translation>请检查理由。</translation>
    </message>
    <message>
        <source>Please check the reason (at most {limit} characters).</source>
        <translation>请检查原因（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>An account password is known to 1 to {limit} people; please check the holders.</source>
        <translation>账号密码的知悉人须为 1 至 {limit} 人，请检查知悉人。</translation>
    </message>
    <message>
        <source>Please check the account password.</source>
        <translation>请检查账号密码。</translation>
    </message>
    <message>
        <source>Please check the opinion.</source>
        <translation>请检查意见。</translation>
    </message>
    <message>
        <source>This cannot be done in the account&apos;s current state; reload and check.</source>
        <translation>账号当前状态下不能进行此操作，请刷新后核对。</translation>
    </message>
    <message>
        <source>Please check the date of the notice.</source>
        <translation>请检查公告日期。</translation>
    </message>
    <message>
        <source>Please check the filing date.</source>
        <translation>请检查备案日期。</translation>
    </message>
    <message>
        <source>Please check the filing reference.</source>
        <translation>请检查备案说明。</translation>
    </message>
    <message>
        <source>Please check when it was found.</source>
        <translation>请检查发现时间。</translation>
    </message>
    <message>
        <source>Please check the date.</source>
        <translation>请检查日期。</translation>
    </message>
    <message>
        <source>Please check where it was found.</source>
        <translation>请检查发现途径。</translation>
    </message>
    <message>
        <source>Please check the notes.</source>
        <translation>请检查备注。</translation>
    </message>
    <message>
        <source>This step cannot be signed now.</source>
        <translation>该环节现在不能签署。</translation>
    </message>
    <message>
        <source>This person cannot sign this step.</source>
        <translation>此人不能签署该环节。</translation>
    </message>
    <message>
        <source>Please check the term: one line of at most 100 characters with letters or digits, not yet in the lexicon.</source>
        <translation>请检查词条：一行，最多 100 个字符，须含文字或数字，且词库中尚无此词。</translation>
    </message>
    <message>
        <source>Please check the category: one line of at most 40 characters.</source>
        <translation>请检查类别：一行，最多 40 个字符。</translation>
    </message>
    <message>
        <source>Please choose block, escalate or warn.</source>
        <translation>请选择阻止、升级审批或提醒。</translation>
    </message>
    <message>
        <source>Please check the suggested wording: one line of at most 200 characters.</source>
        <translation>请检查建议写法：一行，最多 200 个字符。</translation>
    </message>
    <message>
        <source>Please check the title: one line of at most 60 characters.</source>
        <translation>请检查词库名称：一行，最多 60 个字符。</translation>
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
    <name>FeedbackDialog</name>
    <message>
        <source>Hand feedback to a department</source>
        <translation>登记群众反馈并转交部门</translation>
    </message>
    <message>
        <source>(not through an account)</source>
        <translation>（非账号渠道）</translation>
    </message>
    <message>
        <source>(choose the department)</source>
        <translation>（请选择部门）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>来源账号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Please choose the department.</source>
        <translation>请选择转交的部门。</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>Filter: text, department, answer…</source>
        <translation>筛选：内容、部门、答复…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>登记并转交…</translation>
    </message>
    <message>
        <source>Record answer…</source>
        <translation>登记答复…</translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <source>Record a filing</source>
        <translation>记录备案</translation>
    </message>
    <message>
        <source>e.g. the national reporting system, file no.</source>
        <translation>例如：全国政务新媒体信息报送系统、备案号</translation>
    </message>
    <message>
        <source>What was filed</source>
        <translation>备案事项</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>备案日期</translation>
    </message>
    <message>
        <source>Filed with / reference</source>
        <translation>备案途径／编号</translation>
    </message>
</context>
<context>
    <name>FilingTableModel</name>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>To file</source>
        <translation>备案事项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>备案期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Filed with / reference</source>
        <translation>备案途径／编号</translation>
    </message>
</context>
<context>
    <name>FindingTableModel</name>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Text found</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Mask</source>
        <translation>打码</translation>
    </message>
    <message>
        <source>Replace the selected personal data with its masked form (138****1234)</source>
        <translation>将选中的个人信息替换为打码形式（如 138****1234）</translation>
    </message>
    <message>
        <source>Mask all</source>
        <translation>全部打码</translation>
    </message>
    <message>
        <source>Mask every ID, mobile and bank card number</source>
        <translation>将所有身份证号、手机号和银行卡号打码</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>采用建议</translation>
    </message>
    <message>
        <source>Double-click a row to show it in the text.</source>
        <translation>双击一行可在文中定位。</translation>
    </message>
    <message>
        <source>{count} to fix (blocks submission)</source>
        <translation>{count} 处须修改（阻止提交）</translation>
    </message>
    <message>
        <source>{count} for the chief&apos;s approval</source>
        <translation>{count} 处需主要领导审批</translation>
    </message>
    <message>
        <source>{count} to check</source>
        <translation>{count} 处提醒</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>suggested tier: {tier}</source>
        <translation>建议级别：{tier}</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Change it to “{form}”</source>
        <translation>改为“{form}”</translation>
    </message>
    <message>
        <source>Change each selected wording to its first suggested form</source>
        <translation>将选中的各处改为第一种建议说法</translation>
    </message>
    <message>
        <source>Select a wording or name finding that names the right form</source>
        <translation>请选择一条给出正确说法的用语或名称问题</translation>
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
    <name>HandleDialog</name>
    <message>
        <source>Handle a comment or message</source>
        <translation>处置评论或留言</translation>
    </message>
    <message>
        <source>{kind} from {author}</source>
        <translation>{author}的{kind}</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>处置时间</translation>
    </message>
</context>
<context>
    <name>HandlingFields</name>
    <message>
        <source>e.g. abuse, rumour, advertising</source>
        <translation>如：辱骂、谣言、广告</translation>
    </message>
    <message>
        <source>(choose the department)</source>
        <translation>（请选择部门）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reply given</source>
        <translation>回复内容</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>转交部门</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Handover of {name}</source>
        <translation>{name} 的工作交接</translation>
    </message>
    <message>
        <source>Give the selected lines to</source>
        <translation>将选中各项交给</translation>
    </message>
    <message>
        <source>Give every line to</source>
        <translation>将全部各项交给</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>{name} has {count} duty(ies) on accounts. Choose who takes over each line, then press Hand over. Lines without a successor stay as they are.</source>
        <translation>{name} 在账号上共有 {count} 项职责。请为每项选定接手人，然后点击“交接”。未指定接手人的项目保持不变。</translation>
    </message>
    <message>
        <source>{name} has no duties on any account.</source>
        <translation>{name} 在任何账号上都没有职责。</translation>
    </message>
    <message>
        <source>Choose a successor for at least one line.</source>
        <translation>请至少为一项指定接手人。</translation>
    </message>
    <message>
        <source>{count} line(s) could not be handed over; see the State column.</source>
        <translation>有 {count} 项未能交接，详见“状态”列。</translation>
    </message>
    <message>
        <source>Handed over.</source>
        <translation>已交接。</translation>
    </message>
    <message>
        <source>Handover from {name}</source>
        <translation>{name} 工作交接</translation>
    </message>
    <message>
        <source>Everything {name} held is handed over. Mark {name} as having left now? They can then no longer sign in.</source>
        <translation>{name} 的各项职责已全部交接。现在将 {name} 标记为已离职吗？标记后将不能再登录。</translation>
    </message>
    <message>
        <source>{name} is marked as having left.</source>
        <translation>已将 {name} 标记为已离职。</translation>
    </message>
</context>
<context>
    <name>HandoverModel</name>
    <message>
        <source>Administrator</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Password holder</source>
        <translation>密码知悉人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Taken over by</source>
        <translation>接手人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待交接</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of “{title}”</source>
        <translation>“{title}”的历史版本</translation>
    </message>
    <message>
        <source>Every change of the lexicon is saved as a new revision. Restoring an older revision saves its terms as the newest revision; nothing is lost.</source>
        <translation>词库的每次修改都保存为一个新的修订。恢复旧修订会将其词条保存为最新修订，不会丢失任何内容。</translation>
    </message>
    <message>
        <source>Restore this revision…</source>
        <translation>恢复此版本…</translation>
    </message>
    <message>
        <source>Only the office administrator can change the lexicons.</source>
        <translation>只有系统管理员可以修改词库。</translation>
    </message>
    <message>
        <source>Restore revision {number} of “{title}” ({count} terms, saved {when})? Its terms are saved as a new revision; the current terms stay in the history.</source>
        <translation>恢复“{title}”的修订 {number}（{count} 个词条，保存于 {when}）？其词条将保存为新的修订，当前词条仍保留在历史版本中。</translation>
    </message>
    <message>
        <source>Someone else changed “{title}” meanwhile (now revision {revision}). Nothing was restored; the history has been reloaded. Check it and restore again if you still want to.</source>
        <translation>在此期间有其他人修改了“{title}”（现为修订 {revision}）。未恢复任何内容，历史版本已重新加载。请核对后，如仍需要再恢复。</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reason or opinion</source>
        <translation>原因或意见</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>Pause publishing for “{title}”</source>
        <translation>因“{title}”暂停发布</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Their planned posts are not approved or published until publishing is resumed or the incident is closed.</source>
        <translation>在恢复发布或事件结束之前，这些账号的计划稿件不得审批或发布。</translation>
    </message>
    <message>
        <source>Pause publishing</source>
        <translation>暂停发布</translation>
    </message>
    <message>
        <source>Please choose at least one account.</source>
        <translation>请至少选择一个账号。</translation>
    </message>
    <message>
        <source>Pause publishing on {accounts}?

{posts} planned post(s) will be held until publishing is resumed. This is recorded in the audit log.</source>
        <translation>确定暂停 {accounts} 的发布吗？

将暂缓 {posts} 条计划稿件，直至恢复发布。此操作将记入审计日志。</translation>
    </message>
    <message>
        <source>Nothing was paused.</source>
        <translation>未暂停任何账号。</translation>
    </message>
</context>
<context>
    <name>HolderTableModel</name>
    <message>
        <source>Holder</source>
        <translation>知悉人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Can open the password</source>
        <translation>能否查看密码</translation>
    </message>
    <message>
        <source>{name} (left)</source>
        <translation>{name}（已离职）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>能</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚不能</translation>
    </message>
</context>
<context>
    <name>HoldersDialog</name>
    <message>
        <source>Password holders of {account}</source>
        <translation>“{account}”的密码知悉人</translation>
    </message>
    <message>
        <source>Filter by name or unit</source>
        <translation>按姓名或单位筛选</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Holders</source>
        <translation>知悉人</translation>
    </message>
    <message>
        <source>At most {limit} people may know this password. Somebody removed knew it: the password must then be changed. Somebody added can open it once a holder shares it again or changes it.</source>
        <translation>该密码最多只能由 {limit} 人知悉。被移除的人知道原密码，移除后须修改密码；新增的人须待现有知悉人重新共享或修改密码后才能查看。</translation>
    </message>
</context>
<context>
    <name>ImportErrorModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>The ledger was not imported</source>
        <translation>台账未导入</translation>
    </message>
    <message>
        <source>{file} was not imported: {count} problem(s) were found. Nothing was changed. Correct the file and import it again.</source>
        <translation>{file} 未导入：发现 {count} 处问题，未作任何更改。请修改文件后重新导入。</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Open an incident</source>
        <translation>登记突发事件</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Happened / became known</source>
        <translation>发生/获知时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Clocks run from this time: the chief at once; for 特别重大 and 重大 authoritative information within 5 h and a press conference within 24 h, other incidents a response within 48 h; handled within 24 h and the result reported upward (office settings).</source>
        <translation>各项时限自此时间起算：第一时间报告主要领导；特别重大、重大事件5小时内发布权威信息、24小时内举行新闻发布会，其他事件48小时内回应；24小时内妥善处置并将结果报送上级（时限可在办公室设置中调整）。</translation>
    </message>
</context>
<context>
    <name>IncidentsTab</name>
    <message>
        <source>Filter: incident, unit, level…</source>
        <translation>筛选：事件、单位、级别…</translation>
    </message>
    <message>
        <source>Open incidents only</source>
        <translation>只看未结束的事件</translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation>登记事件…</translation>
    </message>
    <message>
        <source>Record step…</source>
        <translation>登记环节…</translation>
    </message>
    <message>
        <source>Close incident…</source>
        <translation>结束事件…</translation>
    </message>
    <message>
        <source>Pause publishing…</source>
        <translation>暂停发布…</translation>
    </message>
    <message>
        <source>Resume publishing</source>
        <translation>恢复发布</translation>
    </message>
    <message>
        <source>Export ledger…</source>
        <translation>导出台账…</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <source>Publishing paused</source>
        <translation>暂停发布的账号</translation>
    </message>
    <message>
        <source>Choose an incident to see its clocks.</source>
        <translation>选择一个事件以查看其处置时限。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>closed {at}</source>
        <translation>已于 {at} 结束</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; · {level} · {unit} · opened {opened} · {state}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; · {level} · {unit} · 发生于 {opened} · {state}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source>Resume publishing on {account}? Its {posts} planned post(s) may then be approved and published again.</source>
        <translation>确定恢复 {account} 的发布吗？其 {posts} 条计划稿件将可以再次审批和发布。</translation>
    </message>
    <message>
        <source>Export the incident ledger</source>
        <translation>导出突发事件台账</translation>
    </message>
</context>
<context>
    <name>InteractionTexts</name>
    <message>
        <source>Extraordinary</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>较大</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Reported to the chief</source>
        <translation>报告主要领导</translation>
    </message>
    <message>
        <source>Authoritative information published</source>
        <translation>发布权威信息</translation>
    </message>
    <message>
        <source>Response or press conference</source>
        <translation>回应/新闻发布会</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>妥善处置</translation>
    </message>
    <message>
        <source>Result reported upward</source>
        <translation>结果报送上级</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>私信/留言</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Referred to a department</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <source>Not handled</source>
        <translation>未处置</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d}天{h}小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
    <message>
        <source>Done late ({span} late)</source>
        <translation>已办，逾期{span}</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Not done (late)</source>
        <translation>未办（逾期）</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未办</translation>
    </message>
    <message>
        <source>Overdue by {span}</source>
        <translation>已逾期{span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余{span}</translation>
    </message>
    <message>
        <source>Incident “{title}”: {step} was due {due}</source>
        <translation>突发事件“{title}”：{step}应于 {due} 前完成</translation>
    </message>
    <message>
        <source>Feedback not answered by {where} (due {due}): {text}</source>
        <translation>{where}未按期答复群众反馈（期限 {due}）：{text}</translation>
    </message>
    <message>
        <source>Message on {where} not answered (due {due}): {text}</source>
        <translation>{where}留言未按期答复（期限 {due}）：{text}</translation>
    </message>
</context>
<context>
    <name>LeaderSignOffDialog</name>
    <message>
        <source>Leader&apos;s approval</source>
        <translation>请领导审批</translation>
    </message>
    <message>
        <source>Approval route</source>
        <translation>审批流程</translation>
    </message>
    <message>
        <source>Approver: please sign in</source>
        <translation>审批人请登录</translation>
    </message>
    <message>
        <source>The person who signs the next step of this post signs in here with their own login name and password. The session of this computer stays as it is.</source>
        <translation>请签署该稿件下一审批步骤的人在此用本人的登录名和密码登录。本机当前的登录保持不变。</translation>
    </message>
    <message>
        <source>“{title}” is not waiting for a sign-off ({status}).</source>
        <translation>《{title}》不在待审批状态（{status}）。</translation>
    </message>
    <message>
        <source>“{title}” waits for: {step}. The person who signs this step ({role}) signs in here with their own password; {clerk} stays signed in.</source>
        <translation>《{title}》待：{step}。请签署此步骤的人（{role}）在此用本人密码登录；{clerk} 保持登录。</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>{name} signs: {step} (step {position} of {count})</source>
        <translation>{name} 签署：{step}（第 {position} 步，共 {count} 步）</translation>
    </message>
    <message>
        <source>Round {round} of the approval:</source>
        <translation>第 {round} 轮审批：</translation>
    </message>
    <message>
        <source>{step}: signed now</source>
        <translation>{step}：本次签署</translation>
    </message>
    <message>
        <source>You do not hold this step yourself. If a delegation covers it, you sign as deputy for {leaders}; the form will show it as “{name} for …”.</source>
        <translation>您本人不承担此步骤。如代签授权适用，您将代 {leaders} 签署，审批表显示为“{name} 代 …”。</translation>
    </message>
    <message>
        <source>You do not hold the role this step needs ({role}) and no delegation to you is in force: the sign-off will be refused.</source>
        <translation>您不具有此步骤所需的角色（{role}），也没有有效的代签授权，签署将被拒绝。</translation>
    </message>
    <message>
        <source>Please write an opinion: the clerk needs to know what to change.</source>
        <translation>请填写意见：信息员需要知道该修改什么。</translation>
    </message>
    <message>
        <source>The password did not unlock your signing key, so nothing was signed. Please sign in again.</source>
        <translation>密码未能解锁您的签名密钥，未作签署。请重新登录。</translation>
    </message>
    <message>
        <source>The post was changed while it was being read, so nothing was signed. Show the current version now?</source>
        <translation>阅读期间稿件已被修改，未作签署。现在显示最新版本吗？</translation>
    </message>
    <message>
        <source>This is the current version. Please read it again, then sign.</source>
        <translation>这是最新版本，请重新阅读后再签署。</translation>
    </message>
    <message>
        <source>Recorded: {who}, {step}: {decision}.</source>
        <translation>已记录：{who}，{step}：{decision}。</translation>
    </message>
    <message>
        <source>The post is approved and may now be published.</source>
        <translation>稿件已批准，可以发布。</translation>
    </message>
    <message>
        <source>The post goes back to {drafter} with the opinion.</source>
        <translation>稿件连同意见退回给 {drafter}。</translation>
    </message>
    <message>
        <source>Next: {step}.</source>
        <translation>下一步：{step}。</translation>
    </message>
    <message>
        <source>{name} stays signed in.</source>
        <translation>{name} 保持登录。</translation>
    </message>
    <message>
        <source>The session of this computer goes on as before.</source>
        <translation>本机的登录保持不变。</translation>
    </message>
</context>
<context>
    <name>LedgerTables</name>
    <message>
        <source>Received</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>留言人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Reason / reply / department</source>
        <translation>理由/回复/转交部门</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>处置时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>{due} (late)</source>
        <translation>{due}（逾期）</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>转交部门</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Next step due</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <source>Late steps</source>
        <translation>逾期环节</translation>
    </message>
    <message>
        <source>Publishing paused</source>
        <translation>暂停发布</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Closed {at}</source>
        <translation>已结束 {at}</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>Planned posts held</source>
        <translation>暂缓的计划稿件</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停时间</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复时间</translation>
    </message>
</context>
<context>
    <name>LedgersArea</name>
    <message>
        <source>{file} is open in another program (Excel?). Save as {other} instead?</source>
        <translation>{file} 已被其他程序（Excel？）打开。改存为 {other} 吗？</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Comments and messages</source>
        <translation>评论处置</translation>
    </message>
    <message>
        <source>Public feedback</source>
        <translation>群众反馈</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>突发事件</translation>
    </message>
</context>
<context>
    <name>LexiconListModel</name>
    <message>
        <source>Lexicon</source>
        <translation>词库</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>词条数</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>File name: {name}</source>
        <translation>文件名：{name}</translation>
    </message>
    <message>
        <source>Last changed {when} by {who}</source>
        <translation>最近修改：{when}，{who}</translation>
    </message>
</context>
<context>
    <name>LexiconPage</name>
    <message>
        <source>term</source>
        <translation>词条</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>建议写法</translation>
    </message>
    <message>
        <source>it has more than 4 fields separated by tabs (term, category, action, suggestion)</source>
        <translation>用制表符分隔的字段多于 4 个（词条、类别、处理、建议写法）</translation>
    </message>
    <message>
        <source>the term is empty</source>
        <translation>词条为空</translation>
    </message>
    <message>
        <source>the action {value} is not block, escalate or warn</source>
        <translation>处理方式 {value} 不是 block（阻止）、escalate（升级审批）或 warn（提醒）</translation>
    </message>
    <message>
        <source>“{term}” is on line {other} already</source>
        <translation>“{term}”已在第 {other} 行出现</translation>
    </message>
    <message>
        <source>the {field} is longer than {limit} characters</source>
        <translation>{field}超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>the term has no letters or digits</source>
        <translation>词条不含文字或数字</translation>
    </message>
    <message>
        <source>a term cannot start with # (that marks a comment)</source>
        <translation>词条不能以 # 开头（# 表示注释）</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <source>Line {line} of {file} cannot be read: {problem}.

Nothing was imported. Correct the line and import the file again.</source>
        <translation>{file} 第 {line} 行有误：{problem}。

未导入任何内容。请改正该行后重新导入。</translation>
    </message>
    <message>
        <source>New lexicon…</source>
        <translation>新建词库…</translation>
    </message>
    <message>
        <source>Search: term, category or suggestion…</source>
        <translation>搜索：词条、类别或建议写法…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Only the office administrator can change the lexicons.</source>
        <translation>只有系统管理员可以修改词库。</translation>
    </message>
    <message>
        <source>Add term…</source>
        <translation>新增词条…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>A UTF-8 text file, one term per line: term, then optionally TAB category TAB block/escalate/warn TAB suggestion; lines starting with # are comments.</source>
        <translation>UTF-8 文本文件，每行一个词条：词条，其后可依次用制表符分隔类别、block/escalate/warn、建议写法；以 # 开头的行为注释。</translation>
    </message>
    <message>
        <source>Save the lexicon as a text file</source>
        <translation>将词库保存为文本文件</translation>
    </message>
    <message>
        <source>Every saved revision; restore an older one</source>
        <translation>查看每次保存的修订，可恢复旧版本</translation>
    </message>
    <message>
        <source>No lexicon selected</source>
        <translation>未选择词库</translation>
    </message>
    <message>
        <source>{title} · {count} terms · revision {revision} · {kind}</source>
        <translation>{title} · {count} 个词条 · 修订 {revision} · {kind}</translation>
    </message>
    <message>
        <source>{shown} of {total} terms</source>
        <translation>显示 {shown} / {total} 个词条</translation>
    </message>
    <message>
        <source>{total} terms</source>
        <translation>共 {total} 个词条</translation>
    </message>
    <message>
        <source>Delete “{term}” from “{lexicon}”?</source>
        <translation>从“{lexicon}”中删除“{term}”？</translation>
    </message>
    <message>
        <source>Delete {count} terms from “{lexicon}”?

{terms}</source>
        <translation>从“{lexicon}”中删除以下 {count} 个词条？

{terms}</translation>
    </message>
    <message>
        <source>A new revision is saved; the history keeps the terms and can restore them.</source>
        <translation>将保存为新的修订；历史版本中仍保留这些词条，可随时恢复。</translation>
    </message>
    <message>
        <source>The older terms were restored and saved as revision {revision}.</source>
        <translation>已恢复旧版本的词条，并保存为修订 {revision}。</translation>
    </message>
    <message>
        <source>Import terms into “{title}”</source>
        <translation>导入词条到“{title}”</translation>
    </message>
    <message>
        <source>Lexicon files</source>
        <translation>词库文件</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>How should the terms of {file} be taken into “{title}”?

Merge: new terms are added; terms already in the lexicon take the category, action and suggestion of the file; all other terms stay.
Replace: afterwards the lexicon holds exactly the terms of the file.

Either way a new revision is saved, and the history keeps the old one.</source>
        <translation>如何将 {file} 的词条导入“{title}”？

合并：新增文件中的新词条；已有词条采用文件中的类别、处理方式和建议写法；其他词条保持不变。
替换：导入后词库只包含文件中的词条。

两种方式都会保存为新的修订，历史版本中保留旧内容。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Someone else changed “{title}” meanwhile (now revision {revision}). Nothing was imported; the lexicon has been reloaded.

Import {file} into the current terms now?</source>
        <translation>在此期间有其他人修改了“{title}”（现为修订 {revision}）。未导入任何内容，词库已重新加载。

现在将 {file} 导入当前词条吗？</translation>
    </message>
    <message>
        <source>Nothing changed: the {count} terms of {file} are in the lexicon already.</source>
        <translation>没有变化：{file} 中的 {count} 个词条已全部在词库中。</translation>
    </message>
    <message>
        <source>{file} was imported and saved as revision {revision}: {added} terms added, {updated} changed, {removed} removed, {unchanged} unchanged.</source>
        <translation>已导入 {file}，保存为修订 {revision}：新增 {added} 个，修改 {updated} 个，删除 {removed} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {detail}</source>
        <translation>无法读取 {file}：{detail}</translation>
    </message>
    <message>
        <source>Line {line} of {file} is not UTF-8 text. Save the file with the encoding UTF-8 (in Notepad: Save as, Encoding: UTF-8) and import it again.

Nothing was imported.</source>
        <translation>{file} 第 {line} 行不是 UTF-8 编码的文本。请将文件另存为 UTF-8 编码（记事本：“另存为”，编码选“UTF-8”）后重新导入。

未导入任何内容。</translation>
    </message>
    <message>
        <source>Export “{title}”</source>
        <translation>导出“{title}”</translation>
    </message>
    <message>
        <source>{count} terms of “{title}” were saved to {path}.</source>
        <translation>已将“{title}”的 {count} 个词条保存到 {path}。</translation>
    </message>
    <message>
        <source>Someone else changed “{title}” meanwhile (now revision {revision}). Nothing was changed; the lexicon has been reloaded. Check it and try again.</source>
        <translation>在此期间有其他人修改了“{title}”（现为修订 {revision}）。未做任何更改，词库已重新加载。请核对后再试。</translation>
    </message>
</context>
<context>
    <name>Lexicons</name>
    <message>
        <source>Block</source>
        <translation>阻止</translation>
    </message>
    <message>
        <source>Escalate for approval</source>
        <translation>升级审批</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Own</source>
        <translation>本单位</translation>
    </message>
</context>
<context>
    <name>LibraryItemDialog</name>
    <message>
        <source>e.g. 防汛安全提示</source>
        <translation>例如：防汛安全提示</translation>
    </message>
    <message>
        <source>The text that is inserted into a post at the cursor</source>
        <translation>插入稿件时放在光标处的文字</translation>
    </message>
    <message>
        <source>e.g. 暴雨 防汛 安全提示</source>
        <translation>例如：暴雨 防汛 安全提示</translation>
    </message>
    <message>
        <source>Separate tags with spaces or commas; a # around a tag is dropped.</source>
        <translation>多个标签用空格或逗号分隔；标签两侧的 # 会被去掉。</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>An item needs a text, an image or both. Tags help to find it in the post editor&apos;s “From library…”.</source>
        <translation>素材须有文字或图片，也可两者都有。标签便于在稿件编辑的“从素材库插入…”中查找。</translation>
    </message>
    <message>
        <source>New library item</source>
        <translation>新建素材</translation>
    </message>
    <message>
        <source>Edit library item</source>
        <translation>编辑素材</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>(unknown image)</source>
        <translation>（未知图片）</translation>
    </message>
    <message>
        <source>{name}
{width} × {height}, {size} KB</source>
        <translation>{name}
{width} × {height}，{size} KB</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
    <message>
        <source>Someone else changed “{title}” while you were editing it, so nothing was saved. Your changes are still in the form. Save again to replace the other version with yours, or Cancel to keep it.</source>
        <translation>您编辑期间，其他人修改了“{title}”，因此未保存任何内容。您的修改仍在表单中。再次点击保存将以您的版本替换对方的版本；点击取消则保留对方的版本。</translation>
    </message>
    <message>
        <source>“{title}” was archived while you were editing it, so it cannot be changed any more. Your text is still in the form: Save adds it as a new item, or Cancel discards it.</source>
        <translation>您编辑期间，“{title}”已被归档，不能再修改。您的内容仍在表单中：点击保存将其新增为一条素材；点击取消则放弃。</translation>
    </message>
    <message>
        <source>The title may have at most {limit} characters (it has {length}).</source>
        <translation>标题最多 {limit} 个字（现有 {length} 个）。</translation>
    </message>
    <message>
        <source>The text may have at most {limit} characters (it has {length}).</source>
        <translation>文字最多 {limit} 个字（现有 {length} 个）。</translation>
    </message>
    <message>
        <source>The image is no longer stored. Remove it or choose the file again.</source>
        <translation>该图片已不在存储中。请移除它，或重新选择图片文件。</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Search titles, texts and tags</source>
        <translation>搜索标题、文字和标签</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>归档…</translation>
    </message>
    <message>
        <source>No longer offer the item in the post editor; it is kept</source>
        <translation>稿件编辑中不再提供该素材；素材本身仍予保留</translation>
    </message>
    <message>
        <source>Only staff who draft posts can add or change library items.</source>
        <translation>只有撰写稿件的人员才能新增或修改素材。</translation>
    </message>
    <message>
        <source>The first {count} items; narrow the search</source>
        <translation>仅显示前 {count} 条，请缩小搜索范围</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>The library is empty. Add reusable texts and images with “New…”; the post editor offers them under “From library…”.</source>
        <translation>素材库还是空的。请用“新建…”添加可重复使用的文字和图片；稿件编辑中的“从素材库插入…”会提供这些素材。</translation>
    </message>
    <message>
        <source>Added by {name} on {time}</source>
        <translation>{name} 于 {time} 添加</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
    <message>
        <source>Archived on {time}</source>
        <translation>于 {time} 归档</translation>
    </message>
    <message>
        <source>Archive “{title}”?

It is no longer offered when writing posts. It is kept, and posts that used it do not change.</source>
        <translation>归档“{title}”？

归档后撰写稿件时不再提供该素材。素材本身仍予保留，已使用它的稿件不受影响。</translation>
    </message>
    <message>
        <source>Someone else changed “{title}” meanwhile, so it was not archived. The list has been reloaded; check the item and archive it again if it should go.</source>
        <translation>其他人刚刚修改了“{title}”，因此未归档。列表已重新读取；请核对该素材，如仍需归档请再操作一次。</translation>
    </message>
    <message>
        <source>“{title}” has been archived already.</source>
        <translation>“{title}”已经归档。</translation>
    </message>
</context>
<context>
    <name>LibraryPickerDialog</name>
    <message>
        <source>Content library</source>
        <translation>素材库</translation>
    </message>
    <message>
        <source>Search titles, texts and tags</source>
        <translation>搜索标题、正文和标签</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>{title} (image)</source>
        <translation>{title}（图片）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <source>The library is empty. Reusable texts and images (素材) are kept here once the office adds them.</source>
        <translation>素材库还是空的。办公室添加的可重复使用的文字和图片（素材）会显示在这里。</translation>
    </message>
    <message>
        <source>(The image&apos;s file is not on this computer.)</source>
        <translation>（这台电脑上没有该图片文件。）</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>{title} (archived)</source>
        <translation>{title}（已归档）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>有</translation>
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
    <name>ModerationDialog</name>
    <message>
        <source>Record a comment or message</source>
        <translation>登记评论或留言</translation>
    </message>
    <message>
        <source>Nickname shown on the platform</source>
        <translation>平台上显示的昵称</translation>
    </message>
    <message>
        <source>Needs an answer (due in {days} working days)</source>
        <translation>需要答复（{days}个工作日内）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>留言人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>处置时间</translation>
    </message>
    <message>
        <source>You keep no account of your own unit to record for.</source>
        <translation>您所在单位没有可登记的账号。</translation>
    </message>
</context>
<context>
    <name>ModerationTab</name>
    <message>
        <source>Filter: account, text, author, action…</source>
        <translation>筛选：账号、内容、留言人、处置…</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Handle…</source>
        <translation>处置…</translation>
    </message>
    <message>
        <source>Export ledger…</source>
        <translation>导出台账…</translation>
    </message>
    <message>
        <source>{waiting} waiting for an answer, {overdue} late</source>
        <translation>待答复 {waiting} 条，逾期 {overdue} 条</translation>
    </message>
    <message>
        <source>Export the moderation ledger</source>
        <translation>导出评论处置台账</translation>
    </message>
</context>
<context>
    <name>NewLexiconDialog</name>
    <message>
        <source>New lexicon</source>
        <translation>新建词库</translation>
    </message>
    <message>
        <source>e.g. 领导姓名与职务</source>
        <translation>如：领导姓名与职务</translation>
    </message>
    <message>
        <source>e.g. leaders</source>
        <translation>如：leaders</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>词库名称</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>The file name is used when the lexicon is exported: 1 to 32 lower-case letters, digits or “_”. Add the terms after creating the lexicon, one by one or by importing a file.</source>
        <translation>导出词库时使用文件名：1 至 32 个小写字母、数字或“_”。建好词库后，可逐条新增词条或导入文件。</translation>
    </message>
    <message>
        <source>Please enter the title.</source>
        <translation>请填写词库名称。</translation>
    </message>
    <message>
        <source>Please enter the file name: 1 to 32 lower-case letters, digits or “_”.</source>
        <translation>请填写文件名：1 至 32 个小写字母、数字或“_”。</translation>
    </message>
    <message>
        <source>A lexicon with the file name “{name}” exists already.</source>
        <translation>已有文件名为“{name}”的词库。</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsPage</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>People who may know a password</source>
        <translation>账号密码知悉人上限</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Filing due within</source>
        <translation>备案期限</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Show a password again without re-entry for</source>
        <translation>查看密码后免再次输入密码的时间</translation>
    </message>
    <message>
        <source>Remind to change a password after</source>
        <translation>密码修改提醒周期</translation>
    </message>
    <message>
        <source> points each</source>
        <translation> 分/次</translation>
    </message>
    <message>
        <source> points at most</source>
        <translation> 分（最多）</translation>
    </message>
    <message>
        <source>Assessment: cadence requirement missed</source>
        <translation>考核扣分：更新频次未达标</translation>
    </message>
    <message>
        <source>Assessment: cadence misses in one month</source>
        <translation>考核扣分上限：更新频次未达标</translation>
    </message>
    <message>
        <source>Assessment: account silent to yellow</source>
        <translation>考核扣分：账号长期未更新（黄色）</translation>
    </message>
    <message>
        <source>Assessment: silent accounts in one month</source>
        <translation>考核扣分上限：账号长期未更新</translation>
    </message>
    <message>
        <source>Assessment: an approval is slow after</source>
        <translation>考核：审批超时标准</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Assessment: slow approval</source>
        <translation>考核扣分：审批超时</translation>
    </message>
    <message>
        <source>Assessment: slow approvals in one month</source>
        <translation>考核扣分上限：审批超时</translation>
    </message>
    <message>
        <source>Assessment: post returned by an approver</source>
        <translation>考核扣分：稿件被退回</translation>
    </message>
    <message>
        <source>Assessment: returned posts in one month</source>
        <translation>考核扣分上限：稿件被退回</translation>
    </message>
    <message>
        <source>Assessment: draft stopped by the checker</source>
        <translation>考核扣分：稿件被内容检查拦截</translation>
    </message>
    <message>
        <source>Assessment: checker stops in one month</source>
        <translation>考核扣分上限：内容检查拦截</translation>
    </message>
    <message>
        <source>Assessment: published text not as approved</source>
        <translation>考核扣分：发布内容与审批稿不一致</translation>
    </message>
    <message>
        <source>Assessment: mismatched texts in one month</source>
        <translation>考核扣分上限：与审批稿不一致</translation>
    </message>
    <message>
        <source>Assessment: message or feedback answered late</source>
        <translation>考核扣分：留言或反馈逾期回复</translation>
    </message>
    <message>
        <source>Assessment: late answers in one month</source>
        <translation>考核扣分上限：逾期回复</translation>
    </message>
    <message>
        <source>Assessment: incident step late</source>
        <translation>考核扣分：突发事件处置环节超时</translation>
    </message>
    <message>
        <source>Assessment: late incident steps in one month</source>
        <translation>考核扣分上限：突发事件处置超时</translation>
    </message>
    <message>
        <source>Assessment: password change overdue</source>
        <translation>考核扣分：账号密码逾期未更换</translation>
    </message>
    <message>
        <source>Assessment: overdue passwords in one month</source>
        <translation>考核扣分上限：密码逾期未更换</translation>
    </message>
    <message>
        <source>Assessment: suggest commendation from</source>
        <translation>考核：建议表扬的分数</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Assessment: suggest criticism when an account is silent</source>
        <translation>考核：账号连续未更新达此天数建议批评</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Reposts and general knowledge without approver (1 yes, 0 no)</source>
        <translation>转发上级稿件和一般科普可免审批（1 是，0 否）</translation>
    </message>
    <message>
        <source> </source>
        <translation> </translation>
    </message>
    <message>
        <source>Largest image file for a post</source>
        <translation>稿件图片文件最大</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest image width and height</source>
        <translation>图片最大宽度和高度</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Answer messages and feedback within</source>
        <translation>留言和群众反馈答复期限</translation>
    </message>
    <message>
        <source>Incident: report to the chief within</source>
        <translation>突发事件：报告主要领导时限</translation>
    </message>
    <message>
        <source>Major incident: authoritative information within</source>
        <translation>特别重大/重大事件：发布权威信息时限</translation>
    </message>
    <message>
        <source>Major incident: response or press conference within</source>
        <translation>特别重大/重大事件：回应/新闻发布会时限</translation>
    </message>
    <message>
        <source>Other incidents: response within</source>
        <translation>其他事件：回应时限</translation>
    </message>
    <message>
        <source>Incident: handled within</source>
        <translation>突发事件：妥善处置时限</translation>
    </message>
    <message>
        <source>Incident: result reported upward within</source>
        <translation>突发事件：结果报送上级时限</translation>
    </message>
    <message>
        <source>Account without posts shows yellow after</source>
        <translation>账号未更新显示黄色的天数</translation>
    </message>
    <message>
        <source>A fixed time counts as met within</source>
        <translation>固定时次允许的前后误差</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>One word per line, e.g. 检察</source>
        <translation>每行一个词，例如：检察</translation>
    </message>
    <message>
        <source>Words an account name may use only with approval</source>
        <translation>账号名称保留字（须经批准方可使用）</translation>
    </message>
    <message>
        <source>Opinion box</source>
        <translation>意见栏</translation>
    </message>
    <message>
        <source>Steps of the account opening approval</source>
        <translation>账号开设审批步骤</translation>
    </message>
    <message>
        <source>Applications already in approval keep the steps they started with. “Own unit only”: the signer must belong to the applying unit or a unit above it.</source>
        <translation>已在审批中的申请仍按原步骤进行。“限本单位”：签署人须属于申请单位或其上级单位。</translation>
    </message>
    <message>
        <source>New approval step</source>
        <translation>新审批步骤</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审批步骤</translation>
    </message>
    <message>
        <source>Approval routes of posts</source>
        <translation>稿件审批流程</translation>
    </message>
    <message>
        <source>Each tier has 1 to 4 steps (the approval form has four sign-off lines); 重要 needs a leader and 敏感 the 主要领导. An activity (投票, 话题, 抽奖 …) takes the route of the next tier up. Posts already in approval keep their steps.</source>
        <translation>每个级别 1 至 4 个步骤（审批表有四个签批栏）；重要信息须有领导签批，敏感信息须经主要领导签批。活动类稿件（投票、话题、抽奖等）按高一级别的流程审批。已在审批中的稿件仍按原步骤进行。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
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
        <source>The window locks itself after the idle minutes without keyboard or mouse input, also after the computer slept.</source>
        <translation>无键盘或鼠标操作达到设定分钟数后窗口自动锁定，电脑休眠后同样锁定。</translation>
    </message>
    <message>
        <source>New opinion</source>
        <translation>新意见栏</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>PasswordPromptDialog</name>
    <message>
        <source>Your password</source>
        <translation>您的登录密码</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>截止日期早于起始日期。</translation>
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
    <name>PlatformDialog</name>
    <message>
        <source>Add platform</source>
        <translation>添加平台</translation>
    </message>
    <message>
        <source>Edit platform</source>
        <translation>编辑平台</translation>
    </message>
    <message>
        <source>New accounts may use it</source>
        <translation>新账号可以选用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
</context>
<context>
    <name>PlatformTableModel</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PlatformsPage</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>PostDetailView</name>
    <message>
        <source>Leader&apos;s approval…</source>
        <translation>请领导审批…</translation>
    </message>
    <message>
        <source>Record publication…</source>
        <translation>登记发布…</translation>
    </message>
    <message>
        <source>Withdraw / delete…</source>
        <translation>撤回/删除…</translation>
    </message>
    <message>
        <source>Mark as filed</source>
        <translation>登记备案</translation>
    </message>
    <message>
        <source>Approval form…</source>
        <translation>审批表…</translation>
    </message>
    <message>
        <source>Save the 发布内容审批表 of this post as Excel, to print and sign</source>
        <translation>将本稿件的发布内容审批表导出为 Excel，供打印签字</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Approval route</source>
        <translation>审批流程</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>发布记录</translation>
    </message>
    <message>
        <source>No post selected</source>
        <translation>未选择稿件</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>{status} · revision {revision} · tier {tier} · {unit}, drafted by {drafter} · planned for {planned}</source>
        <translation>{status} · 第 {revision} 版 · {tier} · {unit}，{drafter} 拟稿 · 计划发布 {planned}</translation>
    </message>
    <message>
        <source>Differs from the approved text: {accounts}</source>
        <translation>与审批稿不一致：{accounts}</translation>
    </message>
    <message>
        <source>No filing needed</source>
        <translation>无需备案</translation>
    </message>
    <message>
        <source>To be filed: not filed yet</source>
        <translation>须备案：尚未备案</translation>
    </message>
    <message>
        <source>Filed on {time}</source>
        <translation>已于 {time} 备案</translation>
    </message>
    <message>
        <source>Select a publication with a pasted text to compare it with the approval.</source>
        <translation>选择一条粘贴了发布文本的记录，即可与审批稿对照。</translation>
    </message>
    <message>
        <source>{account}: approved revision {revision} and the text as published</source>
        <translation>{account}：审批稿（第 {revision} 版）与实际发布文本</translation>
    </message>
    <message>
        <source>Approved text (revision {revision})</source>
        <translation>审批稿（第 {revision} 版）</translation>
    </message>
    <message>
        <source>Record that the content of “{title}” has been filed?</source>
        <translation>登记《{title}》的内容已备案？</translation>
    </message>
</context>
<context>
    <name>PostEditorDialog</name>
    <message>
        <source>Write the post here. Problems are marked as you type: red must be fixed before submission, orange needs the chief&apos;s approval, a wavy line is worth checking. Hover over a mark to see why.</source>
        <translation>在此撰写稿件。输入时即标出问题：红色须改正后才能报审，橙色须主要领导审批，波浪线请注意核对。鼠标停在标记上可查看原因。</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>新建稿件</translation>
    </message>
    <message>
        <source>e.g. #天气预报#</source>
        <translation>例如 #天气预报#</translation>
    </message>
    <message>
        <source>Put hashtag first</source>
        <translation>开头插入话题</translation>
    </message>
    <message>
        <source>Insert the column&apos;s hashtag (#column#) at the start of the text</source>
        <translation>在正文开头插入栏目的话题标签（#栏目#）</translation>
    </message>
    <message>
        <source>Where a repost comes from, e.g. 中国气象局微博</source>
        <translation>转发内容的出处，例如 中国气象局微博</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划于</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>From library…</source>
        <translation>从素材库插入…</translation>
    </message>
    <message>
        <source>Insert a text at the cursor or add an image from the content library (素材库)</source>
        <translation>从素材库在光标处插入文字，或添加图片</translation>
    </message>
    <message>
        <source>What changed and why (kept with the revision)</source>
        <translation>改了什么、为什么（随本版本保存）</translation>
    </message>
    <message>
        <source>Revisions…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>栏目：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>信息类别：</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>信息分级：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>稿件类型：</translation>
    </message>
    <message>
        <source>Activity form:</source>
        <translation>活动形式：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>发布账号：</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>发布时间：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>修改说明：</translation>
    </message>
    <message>
        <source>Post {id} · revision {number}</source>
        <translation>稿件 {id} · 第 {number} 版</translation>
    </message>
    <message>
        <source>The findings require at least “{tier}”: choose it or change the text.</source>
        <translation>检查结果要求至少为“{tier}”：请选择该分级，或修改正文。</translation>
    </message>
    <message>
        <source>The checker requires at least: {tier}</source>
        <translation>内容检查要求至少：{tier}</translation>
    </message>
    <message>
        <source>Source (required):</source>
        <translation>来源（必填）：</translation>
    </message>
    <message>
        <source>Choose or type the column first.</source>
        <translation>请先选择或填写栏目。</translation>
    </message>
    <message>
        <source>The text starts with {tag} already.</source>
        <translation>正文开头已有 {tag}。</translation>
    </message>
    <message>
        <source>{name}
{width} × {height}, {size} KB</source>
        <translation>{name}
{width} × {height}，{size} KB</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>This image&apos;s file is not on this computer.
{tip}</source>
        <translation>这台电脑上没有该图片文件。
{tip}</translation>
    </message>
    <message>
        <source>Add an image</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <source>This image is in the post already.</source>
        <translation>稿件中已有这张图片。</translation>
    </message>
    <message>
        <source>Could not keep a copy of the unsaved text: {error}</source>
        <translation>未能暂存未保存的内容：{error}</translation>
    </message>
    <message>
        <source>Unsaved changes kept at {time}</source>
        <translation>未保存的修改已于 {time} 暂存</translation>
    </message>
    <message>
        <source>Text typed at {time} was not saved (the program may have been closed unexpectedly). Restore it?</source>
        <translation>{time} 输入的内容尚未保存（程序可能意外关闭过）。要恢复吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>The text typed at {time} is back. Save to keep it.</source>
        <translation>已恢复 {time} 输入的内容。请保存，以免再次丢失。</translation>
    </message>
    <message>
        <source>A published or cancelled post cannot be changed.</source>
        <translation>已发布或已作废的稿件不能修改。</translation>
    </message>
    <message>
        <source>This post is in approval or approved. Saving a change of its content voids the sign-offs given so far and starts the approval again.</source>
        <translation>该稿件正在审批或已批准。保存对内容的修改会使已有的审批意见作废，并重新开始审批。</translation>
    </message>
    <message>
        <source>The checker&apos;s findings require the tier “{required}” or higher, but “{chosen}” is chosen. Choose a higher tier, or change the marked text.</source>
        <translation>内容检查结果要求信息分级至少为“{required}”，当前选择的是“{chosen}”。请选择更高的分级，或修改标出的内容。</translation>
    </message>
    <message>
        <source>A repost needs its source (来源): name the account or body it comes from.</source>
        <translation>转发稿件必须注明来源：请填写原发布账号或单位。</translation>
    </message>
    <message>
        <source>Please tick at least one account the post is for.</source>
        <translation>请至少勾选一个发布账号。</translation>
    </message>
    <message>
        <source>{name} saved this post while you were editing it (now revision {number}). Nothing was overwritten and your text is still here. Compare in Revisions; Save again to make your text the newest revision (theirs stays in the history).</source>
        <translation>您编辑期间，{name} 保存了这篇稿件（现为第 {number} 版）。没有覆盖任何内容，您输入的内容仍在这里。可在“历史版本”中对比；再次保存即以您的内容为最新版本（对方的版本保留在历史版本中）。</translation>
    </message>
    <message>
        <source>Close without saving? What you typed since the last save is lost.</source>
        <translation>不保存就关闭吗？上次保存后输入的内容将丢失。</translation>
    </message>
</context>
<context>
    <name>PostExcel</name>
    <message>
        <source>{file} is open in another program (Excel?). Save as {other} instead?</source>
        <translation>{file} 正被其他程序（Excel？）打开。改存为 {other} 吗？</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Save the approval form</source>
        <translation>保存发布内容审批表</translation>
    </message>
    <message>
        <source>Export the publication ledger</source>
        <translation>导出发布台账</translation>
    </message>
    <message>
        <source>Import a publication ledger</source>
        <translation>导入发布台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} publication(s) were imported from {file}.</source>
        <translation>已从 {file} 导入 {count} 条发布记录。</translation>
    </message>
</context>
<context>
    <name>PostRevisionsDialog</name>
    <message>
        <source>The two revisions have the same content.</source>
        <translation>两个版本内容相同。</translation>
    </message>
    <message>
        <source>image {hash}</source>
        <translation>图片 {hash}</translation>
    </message>
    <message>
        <source>The same images in another order.</source>
        <translation>图片相同，顺序不同。</translation>
    </message>
    <message>
        <source>account {id}</source>
        <translation>账号 {id}</translation>
    </message>
    <message>
        <source>Revisions of post {id}</source>
        <translation>稿件 {id} 的历史版本</translation>
    </message>
    <message>
        <source>Revision {number} · {time} · {name}</source>
        <translation>第 {number} 版 · {time} · {name}</translation>
    </message>
    <message>
        <source>Revision {number}</source>
        <translation>第 {number} 版</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Revision {a} → revision {b}: {count} part(s) changed</source>
        <translation>第 {a} 版 → 第 {b} 版：{count} 处改动</translation>
    </message>
</context>
<context>
    <name>PostsArea</name>
    <message>
        <source>Posts</source>
        <translation>稿件列表</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>Content check</source>
        <translation>内容检查</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>素材库</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>代签授权</translation>
    </message>
</context>
<context>
    <name>PostsPage</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>发布账号</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划发布时间</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>拟稿人</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>待审步骤</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Search titles and text…</source>
        <translation>搜索标题和正文…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分级</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>全部栏目</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Planned between</source>
        <translation>计划发布时间介于</translation>
    </message>
    <message>
        <source>Changed between</source>
        <translation>修改时间介于</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>New post…</source>
        <translation>新建稿件…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Leader&apos;s approval…</source>
        <translation>请领导审批…</translation>
    </message>
    <message>
        <source>Record publication…</source>
        <translation>记录发布…</translation>
    </message>
    <message>
        <source>Recall from approval</source>
        <translation>撤回审批</translation>
    </message>
    <message>
        <source>Cancel post…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Approval form…</source>
        <translation>审批表…</translation>
    </message>
    <message>
        <source>Save the 发布内容审批表 of the selected post as Excel, to print and sign</source>
        <translation>将所选稿件的发布内容审批表导出为 Excel，供打印签字</translation>
    </message>
    <message>
        <source>Ledger…</source>
        <translation>发布台账…</translation>
    </message>
    <message>
        <source>Save the 发布台账 of a period as Excel</source>
        <translation>将一段时间的发布台账导出为 Excel</translation>
    </message>
    <message>
        <source>Import publications…</source>
        <translation>导入发布台账…</translation>
    </message>
    <message>
        <source>Bring in an existing publication ledger (账号, 发布时间, 标题, 链接, 栏目, 平台)</source>
        <translation>导入已有的发布台账（账号、发布时间、标题、链接、栏目、平台）</translation>
    </message>
    <message>
        <source>The next approver signs in over your session and signs on this computer</source>
        <translation>下一位审批人在您的会话之上登录，并在本机签批</translation>
    </message>
    <message>
        <source>This screen comes in a later version.</source>
        <translation>此界面将在后续版本中提供。</translation>
    </message>
    <message>
        <source>{count} post(s)</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>The list could not be read: {detail}</source>
        <translation>无法读取稿件列表：{detail}</translation>
    </message>
    <message>
        <source>“{title}” is a repost or general knowledge of tier General: the rules let it go out without an approver. How should it go?</source>
        <translation>“{title}”是转发或一般性科普信息（一般级）：按规定可不经审批直接发布。请选择处理方式：</translation>
    </message>
    <message>
        <source>Approve without an approver</source>
        <translation>无需审批，直接批准</translation>
    </message>
    <message>
        <source>Submit “{title}” for approval? Each step is then signed on this computer by the person it names (Leader&apos;s approval…).</source>
        <translation>提交“{title}”审批吗？之后各审批步骤由相应人员在本机签批（请领导审批…）。</translation>
    </message>
    <message>
        <source>Recall “{title}” from approval? Sign-offs given so far are voided; the post becomes a draft again.</source>
        <translation>撤回“{title}”的审批吗？已有的审批意见将作废，稿件恢复为草稿。</translation>
    </message>
    <message>
        <source>Cancel “{title}”</source>
        <translation>作废“{title}”</translation>
    </message>
    <message>
        <source>A cancelled post cannot be submitted or published any more.</source>
        <translation>作废后的稿件不能再提交审批或发布。</translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <source>Filter: account, problem…</source>
        <translation>筛选：账号、问题……</translation>
    </message>
    <message>
        <source>{count} finding(s), {errors} of them errors. Double-click one to open the account.</source>
        <translation>共 {count} 个问题，其中 {errors} 个错误。双击可打开相应账号。</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>Record publication</source>
        <translation>登记发布</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>“{title}” — approved revision {number}</source>
        <translation>《{title}》— 审批稿第 {number} 版</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>This post is {status}: a publication can be recorded only after its approval is complete.</source>
        <translation>该稿件{status}：须审批完成后才能登记发布。</translation>
    </message>
    <message>
        <source>Recorded already: {time}</source>
        <translation>已登记：{time}</translation>
    </message>
    <message>
        <source>Optional: paste the text as it appears on the platform</source>
        <translation>可选：粘贴平台上实际发布的文本</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Platform post ID</source>
        <translation>平台稿件 ID</translation>
    </message>
    <message>
        <source>Text as published</source>
        <translation>实际发布文本</translation>
    </message>
    <message>
        <source>No text pasted: it will not be compared.</source>
        <translation>未粘贴文本，不作对照。</translation>
    </message>
    <message>
        <source>Same as the approved text.</source>
        <translation>与审批稿一致。</translation>
    </message>
    <message>
        <source>Differs from the approved text.</source>
        <translation>与审批稿不一致。</translation>
    </message>
    <message>
        <source>Tick the accounts the post was published on.</source>
        <translation>请勾选已发布的账号。</translation>
    </message>
    <message>
        <source>The time of publication on {account} is in the future.</source>
        <translation>{account} 的发布时间晚于现在。</translation>
    </message>
    <message>
        <source>Recorded. The published text differs from the approved one: it is flagged as such and shown on the start page.</source>
        <translation>已登记。实际发布文本与审批稿不一致，已标记并显示在首页。</translation>
    </message>
</context>
<context>
    <name>PublicationTableModel</name>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Platform post ID</source>
        <translation>平台稿件 ID</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Not pasted</source>
        <translation>未粘贴</translation>
    </message>
    <message>
        <source>Differs from the approved text</source>
        <translation>与审批稿不一致</translation>
    </message>
    <message>
        <source>Same as approved</source>
        <translation>与审批稿一致</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>{what} {time}: {reason}</source>
        <translation>{time} {what}：{reason}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RemovePublicationDialog</name>
    <message>
        <source>Withdraw or delete</source>
        <translation>撤回或删除</translation>
    </message>
    <message>
        <source>{account} ({platform}), published {time}</source>
        <translation>{account}（{platform}），{time} 发布</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>发布记录</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
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
    <name>RevisionReader</name>
    <message>
        <source>Revision {number}</source>
        <translation>第 {number} 版</translation>
    </message>
    <message>
        <source>{tier} (the checker suggests {suggested})</source>
        <translation>{tier}（内容检查建议：{suggested}）</translation>
    </message>
    <message>
        <source>{number}. {digest}…</source>
        <translation>{number}. {digest}…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not planned</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Content digest (SHA-256): {digest}</source>
        <translation>内容摘要（SHA-256）：{digest}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>信息类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>信息分级</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>发布账号</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划发布</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>拟稿</translation>
    </message>
    <message>
        <source>{name}, {unit}</source>
        <translation>{name}，{unit}</translation>
    </message>
</context>
<context>
    <name>RevisionTableModel</name>
    <message>
        <source>Revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>词条数</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>{number} (current)</source>
        <translation>{number}（当前）</translation>
    </message>
</context>
<context>
    <name>RogueActionDialog</name>
    <message>
        <source>Action on {name}</source>
        <translation>处置“{name}”</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RogueEditorDialog</name>
    <message>
        <source>Record a rogue account</source>
        <translation>登记违规账号</translation>
    </message>
    <message>
        <source>Edit rogue account</source>
        <translation>编辑违规账号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Name used</source>
        <translation>冒用名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Where and how found</source>
        <translation>发现途径</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RoguePage</name>
    <message>
        <source>Filter: name, platform, where found…</source>
        <translation>筛选：名称、平台、发现途径……</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Record action…</source>
        <translation>记录处置…</translation>
    </message>
</context>
<context>
    <name>RogueTableModel</name>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Name used</source>
        <translation>冒用名称</translation>
    </message>
    <message>
        <source>Where found</source>
        <translation>发现途径</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>最近处置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Choose an account, or name a column.</source>
        <translation>请选择账号，或填写栏目名称。</translation>
    </message>
    <message>
        <source>Please name the column.</source>
        <translation>请填写栏目名称。</translation>
    </message>
    <message>
        <source>The column name is too long (at most 100 characters).</source>
        <translation>栏目名称太长（最多100个字符）。</translation>
    </message>
    <message>
        <source>Please write the update requirement.</source>
        <translation>请填写更新要求。</translation>
    </message>
    <message>
        <source>The update requirement is too long (at most 500 characters).</source>
        <translation>更新要求太长（最多500个字符）。</translation>
    </message>
    <message>
        <source>This rule is already there for this account or column.</source>
        <translation>该账号或栏目已有这条规则。</translation>
    </message>
    <message>
        <source>This account&apos;s record has no update requirement to take over.</source>
        <translation>该账号的资料中没有填写更新要求。</translation>
    </message>
    <message>
        <source>Add update rule</source>
        <translation>添加更新频次规则</translation>
    </message>
    <message>
        <source>Change update rule</source>
        <translation>修改更新频次规则</translation>
    </message>
    <message>
        <source>e.g. #江城天气#</source>
        <translation>例如 #江城天气#</translation>
    </message>
    <message>
        <source>e.g. 每天07:30和17:00左右发布天气预报；其他信息每周6-7次</source>
        <translation>例如：每天07:30和17:00左右发布天气预报；其他信息每周6-7次</translation>
    </message>
    <message>
        <source>Count this rule</source>
        <translation>启用此规则</translation>
    </message>
    <message>
        <source>The rule is judged from this day on; days, weeks and months before it are not. A week or month the rule covers only partly is not judged. For a rule the office has kept for long, give the day it began.</source>
        <translation>规则自此日起计算执行情况，此前的日、周、月不计算；规则只覆盖一部分的周或月也不计算。长期执行的规则，请填写开始执行的日期。</translation>
    </message>
    <message>
        <source>A column (all accounts)…</source>
        <translation>栏目（适用于所有账号）…</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>更新要求</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>A changed text applies from this date, to past periods too. To count the new wording only from now on, set the date to today.</source>
        <translation>修改后的要求自生效日期起适用，此前已过去的时段也按新要求计算。如只想从现在起按新要求计算，请把生效日期改为今天。</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation>理解为</translation>
    </message>
    <message>
        <source>Not understood</source>
        <translation>未能识别</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{text} — kept as written, not counted</source>
        <translation>{text}——按原文保留，不计入统计</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <source>Column {name}</source>
        <translation>栏目 {name}</translation>
    </message>
    <message>
        <source>Account or column</source>
        <translation>账号或栏目</translation>
    </message>
    <message>
        <source>Requirement as written</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation>理解为</translation>
    </message>
    <message>
        <source>Not understood (kept)</source>
        <translation>未识别（保留原文）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not understood, so not counted. Rewrite it (e.g. 每周至少1次, 每天07:30和17:00) or leave it as a note.</source>
        <translation>未能识别，因此不计入统计。可改写（如 每周至少1次、每天07:30和17:00），或作为备注保留。</translation>
    </message>
    <message>
        <source>Days, weeks and months before this date are not judged.</source>
        <translation>此日期之前的日、周、月不计算执行情况。</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Take over the accounts&apos; update requirements</source>
        <translation>从账号更新要求生成</translation>
    </message>
    <message>
        <source>Creates a rule from the 更新要求 of every open account that has none yet (as written in the accounts ledger).</source>
        <translation>为每个尚无规则的在用账号，按其“更新要求”（账号台账原文）生成规则。</translation>
    </message>
    <message>
        <source>{count} rule(s); {flagged} with text not understood (red).</source>
        <translation>共 {count} 条规则；其中 {flagged} 条有未识别的文字（红色）。</translation>
    </message>
    <message>
        <source>Delete the rule “{text}” of {target}?</source>
        <translation>删除{target}的规则“{text}”吗？</translation>
    </message>
    <message>
        <source>{count} rule(s) taken over from the accounts; {flagged} of them have text that was not understood (shown in red).</source>
        <translation>已从账号生成 {count} 条规则；其中 {flagged} 条有未识别的文字（红色显示）。</translation>
    </message>
    <message>
        <source>Every open account with an update requirement already has a rule.</source>
        <translation>填写了更新要求的在用账号都已有规则。</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Set the password of {account}</source>
        <translation>设置“{account}”的密码</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>New account password</source>
        <translation>新账号密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Your own password</source>
        <translation>您本人的登录密码</translation>
    </message>
    <message>
        <source>Change the password on the platform first, then store the same one here. It is kept encrypted in this computer&apos;s password store, for the holders only.</source>
        <translation>请先在平台上修改密码，再在此保存同一密码。密码加密保存在本机系统密码库中，仅知悉人可以查看。</translation>
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
        <source>Lexicons</source>
        <translation>词库管理</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>代签授权</translation>
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
    <name>SignOffTableModel</name>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见内容</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待签</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>✓ signed</source>
        <translation>✓ 已签名</translation>
    </message>
    <message>
        <source>✗ not signed</source>
        <translation>✗ 未签名</translation>
    </message>
    <message>
        <source>Void since {time}: the post changed or the round ended; this sign-off stays visible on revision {revision}.</source>
        <translation>自 {time} 起作废：稿件已修改或本轮审批已结束；此审批意见保留在第 {revision} 版上。</translation>
    </message>
</context>
<context>
    <name>SignOverSessionDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Opinion (required when returning)</source>
        <translation>意见（退回时必填）</translation>
    </message>
    <message>
        <source>Your password again: your decision is signed with your personal key</source>
        <translation>请再次输入您的密码：您的意见将以您的个人密钥签名</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Please let the approver sign in; you are signed in already.</source>
        <translation>请由审批人登录；您已经登录。</translation>
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
        <source>Handover…</source>
        <translation>交接…</translation>
    </message>
    <message>
        <source>Reassign every account this person runs, answers for or holds the password of</source>
        <translation>把此人管理、负责或知悉密码的账号逐一交给接手人</translation>
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
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Passwords to change</source>
        <translation>须及时修改密码</translation>
    </message>
    <message>
        <source>Filings overdue</source>
        <translation>逾期未备案</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>账号问题</translation>
    </message>
    <message>
        <source>Rogue accounts being handled</source>
        <translation>处置中的违规账号</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Waiting for my approval</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>Published text differs from the approved</source>
        <translation>与审批稿不一致</translation>
    </message>
    <message>
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Approval due within 24 hours</source>
        <translation>24 小时内须审批完</translation>
    </message>
    <message>
        <source>Expired (plan again)</source>
        <translation>已过期（须重新安排）</translation>
    </message>
    <message>
        <source>Sensitive posts to file</source>
        <translation>待备案的敏感稿件</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>更新频次</translation>
    </message>
    <message>
        <source>Today&apos;s slots</source>
        <translation>今日时次</translation>
    </message>
    <message>
        <source>Accounts without recent posts</source>
        <translation>长期未更新账号</translation>
    </message>
    <message>
        <source>Column content due</source>
        <translation>栏目交稿</translation>
    </message>
    <message>
        <source>Interaction and incidents</source>
        <translation>互动与突发事件</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>处置中的突发事件</translation>
    </message>
    <message>
        <source>Late answers and steps</source>
        <translation>逾期未办</translation>
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
        <source>{name} ({platform}): {title}</source>
        <translation>{name}（{platform}）：{title}</translation>
    </message>
    <message>
        <source>{time} {name}: {state}</source>
        <translation>{time} {name}：{state}</translation>
    </message>
    <message>
        <source>{name} ({platform}): {days}</source>
        <translation>{name}（{platform}）：{days}</translation>
    </message>
    <message>
        <source>never published</source>
        <translation>从未发布</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天未更新</translation>
    </message>
    <message>
        <source>{name}: due {day}, {missing} days not planned</source>
        <translation>{name}：{day} 截止，{missing} 天未安排</translation>
    </message>
    <message>
        <source>{count}:</source>
        <translation>{count} 条：</translation>
    </message>
    <message>
        <source>{account}: {reason}</source>
        <translation>{account}：{reason}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{count}: {accounts}</source>
        <translation>{count} 项：{accounts}</translation>
    </message>
    <message>
        <source>{count} ({errors} errors)</source>
        <translation>{count} 个（其中 {errors} 个错误）</translation>
    </message>
    <message>
        <source>{login} until {time}</source>
        <translation>{login}（至 {time}）</translation>
    </message>
</context>
<context>
    <name>StatisticsArea</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>单项否决</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布数</translation>
    </message>
    <message>
        <source>Cadence met</source>
        <translation>更新达标账号</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>未达标次数</translation>
    </message>
    <message>
        <source>Longest silence (days)</source>
        <translation>最长未更新（天）</translation>
    </message>
    <message>
        <source>Approval (median h)</source>
        <translation>审批时长中位数（小时）</translation>
    </message>
    <message>
        <source>Slow approvals</source>
        <translation>审批超时</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Checker stops</source>
        <translation>检查拦截</translation>
    </message>
    <message>
        <source>Text mismatches</source>
        <translation>与审批稿不一致</translation>
    </message>
    <message>
        <source>Late answers</source>
        <translation>逾期回复</translation>
    </message>
    <message>
        <source>Late incident steps</source>
        <translation>突发事件超时环节</translation>
    </message>
    <message>
        <source>Passwords overdue</source>
        <translation>密码逾期</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>{item}: {count}, −{points}</source>
        <translation>{item}：{count} 次，扣 {points} 分</translation>
    </message>
    <message>
        <source>100 minus {points}</source>
        <translation>100 分减 {points} 分</translation>
    </message>
    <message>
        <source>{name} ({platform}): {n}</source>
        <translation>{name}（{platform}）：{n} 次</translation>
    </message>
    <message>
        <source>Column {column} ({accounts}): {n}</source>
        <translation>栏目 {column}（{accounts}）：{n} 次</translation>
    </message>
    <message>
        <source>{account}: {days} days</source>
        <translation>{account}：{days} 天</translation>
    </message>
    <message>
        <source>Monthly assessment</source>
        <translation>月度考核</translation>
    </message>
    <message>
        <source>{month} (so far)</source>
        <translation>{month}（进行中）</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Any veto item (an account silent 14 days, a serious error published) fails the month; otherwise 100 minus the deductions, below 60 fails. Likes and followers are not counted. Points per item: Settings → Office.</source>
        <translation>出现任一单项否决情形（账号连续14天未更新、发布严重差错）即为不合格；否则以100分减去扣分，低于60分不合格。点赞、粉丝数不作为考核依据。各项扣分标准见 设置 → 办公室设置。</translation>
    </message>
    <message>
        <source>No scores yet</source>
        <translation>暂无考核得分</translation>
    </message>
    <message>
        <source>No open accounts</source>
        <translation>没有已开通的账号</translation>
    </message>
    <message>
        <source> d</source>
        <translation>天</translation>
    </message>
    <message>
        <source>No approvals this month</source>
        <translation>本月没有审批</translation>
    </message>
    <message>
        <source> h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Score per unit, last 12 months</source>
        <translation>各单位近12个月得分</translation>
    </message>
    <message>
        <source>Longest silence per account (days)</source>
        <translation>各账号最长未更新天数</translation>
    </message>
    <message>
        <source>Approval turnaround per unit (median hours)</source>
        <translation>各单位审批时长（中位数，小时）</translation>
    </message>
    <message>
        <source>No unit has an open account or anything counted this month.</source>
        <translation>本月没有单位有已开通的账号或可统计的记录。</translation>
    </message>
    <message>
        <source>{units} units: {failed} failed; suggested for commendation {commend}, for criticism {criticise}.</source>
        <translation>共 {units} 个单位：不合格 {failed} 个；建议表扬 {commend} 个，建议批评 {criticise} 个。</translation>
    </message>
    <message>
        <source>pass 60</source>
        <translation>合格线 60</translation>
    </message>
    <message>
        <source>commend {score}</source>
        <translation>表扬 {score}</translation>
    </message>
    <message>
        <source>{unit} · {account}: {days} days without a post, from {since}</source>
        <translation>{unit} · {account}：自 {since} 起连续 {days} 天未更新</translation>
    </message>
    <message>
        <source>{days} d reminder</source>
        <translation>{days}天提醒</translation>
    </message>
    <message>
        <source>{days} d veto</source>
        <translation>{days}天否决</translation>
    </message>
    <message>
        <source>{count} approvals, {slow} slower than {hours} h</source>
        <translation>审批 {count} 件，超过 {hours} 小时 {slow} 件</translation>
    </message>
    <message>
        <source>{hours} h limit</source>
        <translation>超时线 {hours} 小时</translation>
    </message>
    <message>
        <source>Export the assessment</source>
        <translation>导出考核结果</translation>
    </message>
    <message>
        <source>{file} is open in another program (Excel?). Save as {other} instead?</source>
        <translation>{file} 已在其他程序（Excel？）中打开。改存为 {other}？</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Record a step of “{title}”</source>
        <translation>登记“{title}”的处置环节</translation>
    </message>
    <message>
        <source>{step} (done {at})</source>
        <translation>{step}（已于 {at} 完成）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
</context>
<context>
    <name>StepTableModel</name>
    <message>
        <source>Step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待签署</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <source>Signed by</source>
        <translation>签批人</translation>
    </message>
    <message>
        <source>Own unit only</source>
        <translation>限本单位</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>TermEditorDialog</name>
    <message>
        <source>Add term</source>
        <translation>新增词条</translation>
    </message>
    <message>
        <source>Edit term</source>
        <translation>编辑词条</translation>
    </message>
    <message>
        <source>e.g. 北朝鲜</source>
        <translation>如：北朝鲜</translation>
    </message>
    <message>
        <source>e.g. 涉港澳台用语</source>
        <translation>如：涉港澳台用语</translation>
    </message>
    <message>
        <source>The right wording, or what to do</source>
        <translation>正确写法，或应如何处理</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词条</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Suggested wording</source>
        <translation>建议写法</translation>
    </message>
    <message>
        <source>Block: the post cannot be sent on. Escalate: the chief must approve the post. Warn: the writer sees the suggestion. Spaces, punctuation, full-width and traditional characters inside a term are found as well.</source>
        <translation>阻止：稿件不能提交。升级审批：稿件须经主要领导审批。提醒：撰稿人会看到建议写法。词条中夹杂空格、标点、全角字符或繁体字的写法同样能查出。</translation>
    </message>
    <message>
        <source>Please enter the term.</source>
        <translation>请填写词条。</translation>
    </message>
    <message>
        <source>“{term}” is in this lexicon already. Spellings that differ only in spaces, punctuation, full-width or traditional characters count as the same term.</source>
        <translation>“{term}”已在本词库中。仅在空格、标点、全角或繁体字上不同的写法视为同一词条。</translation>
    </message>
    <message>
        <source>The lexicon is now at revision {revision}. Your input is kept; press Save to add the term.</source>
        <translation>词库现为修订 {revision}。您填写的内容已保留；按“保存”新增该词条。</translation>
    </message>
    <message>
        <source>“{term}” was removed from the lexicon meanwhile. Your input is kept; press Save to add it again.</source>
        <translation>在此期间“{term}”已从词库中删除。您填写的内容已保留；按“保存”重新新增。</translation>
    </message>
    <message>
        <source>Now saved: “{term}”, {category}, {severity}, “{suggestion}”. Your input is kept; press Save to apply it.</source>
        <translation>当前保存的是：“{term}”，{category}，{severity}，“{suggestion}”。您填写的内容已保留；按“保存”应用您的修改。</translation>
    </message>
</context>
<context>
    <name>TermTableModel</name>
    <message>
        <source>Term</source>
        <translation>词条</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Suggested wording</source>
        <translation>建议写法</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
</context>
<context>
    <name>TextComparison</name>
    <message>
        <source>Approved text</source>
        <translation>审批稿</translation>
    </message>
    <message>
        <source>Text as published</source>
        <translation>实际发布文本</translation>
    </message>
    <message>
        <source>The published text is the approved one.</source>
        <translation>实际发布文本与审批稿一致。</translation>
    </message>
    <message>
        <source>Differs from the approved text: what is missing is marked red, what was added green.</source>
        <translation>与审批稿不一致：缺少的内容标红，增加的内容标绿。</translation>
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
<context>
    <name>WaitingPage</name>
    <message>
        <source>Approve…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>The sign-off screen comes in a later version.</source>
        <translation>审批界面将在后续版本中提供。</translation>
    </message>
    <message>
        <source>{count} post(s) wait for your sign-off. Select one and choose Approve: you read the exact text and agree or return it with an opinion.</source>
        <translation>有 {count} 篇稿件待您审批。选中一篇后点“审批…”：阅读原文，选择同意或填写意见退回。</translation>
    </message>
    <message>
        <source>Nothing waits for your sign-off.</source>
        <translation>目前没有待您审批的稿件。</translation>
    </message>
</context>
</TS>
