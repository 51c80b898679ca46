<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>First administrator account</source>
        <translation>第一个管理员账号</translation>
    </message>
    <message>
        <source>This account signs in on this computer and can set everything else up.</source>
        <translation>用这个账号在本机登录，并完成其他设置。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
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
        <source>At least 8 characters, with letters and digits. Write it down somewhere safe: without a server nobody can reset it.</source>
        <translation>至少 8 位，须同时包含字母和数字。请妥善记下：没有服务器时，任何人都无法重置此密码。</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>责任书 — {name}</source>
        <translation>责任书 — {name}</translation>
    </message>
    <message>
        <source>Signed on {date} by {signer}.</source>
        <translation>已于 {date} 由 {signer} 签订。</translation>
    </message>
    <message>
        <source>No 责任书 signed yet.</source>
        <translation>尚未签订责任书。</translation>
    </message>
    <message>
        <source>Signer: sign here with finger, pen or mouse</source>
        <translation>请签订人在此用手指、手写笔或鼠标签名</translation>
    </message>
    <message>
        <source>The person could name the five duties (知晓)</source>
        <translation>负责人能说出门前五包责任（知晓）</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签订人</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Or a photo of the signed paper</source>
        <translation>或拍摄已签纸质责任书</translation>
    </message>
    <message>
        <source>Print 责任书…</source>
        <translation>打印责任书…</translation>
    </message>
    <message>
        <source>Save 责任书</source>
        <translation>保存责任书</translation>
    </message>
</context>
<context>
    <name>AuditWarningWidget</name>
    <message>
        <source>Audit trail broken ({n})</source>
        <translation>执法记录链异常（{n} 处）</translation>
    </message>
    <message>
        <source>The record of who did what on this laptop has gaps or changes — click for details</source>
        <translation>本机的执法全过程记录有缺失或被改动——点击查看详情</translation>
    </message>
    <message>
        <source>Entry {seq}: {reason}</source>
        <translation>条目 {seq}：{reason}</translation>
    </message>
    <message>
        <source>The audit trail (执法全过程记录) of this laptop does not hold:</source>
        <translation>本机的执法全过程记录链不完整：</translation>
    </message>
    <message>
        <source>Entries were deleted or changed outside the app, or a backup was restored. The sync server keeps every entry it received and has recorded this. Tell your administrator; keep working as usual — new entries are recorded and sent.</source>
        <translation>有记录在本软件之外被删除或改动，或者恢复过备份。同步服务器保留了它收到的每一条记录，并已登记此异常。请告知系统管理员；您可以照常工作——新的记录会照常登记并上传。</translation>
    </message>
    <message>
        <source>an entry is missing</source>
        <translation>缺少一条记录</translation>
    </message>
    <message>
        <source>the link to the previous entry is broken</source>
        <translation>与上一条记录的链接断开</translation>
    </message>
    <message>
        <source>the entry was changed</source>
        <translation>该记录被改动过</translation>
    </message>
    <message>
        <source>the newest entries were deleted (the server holds more)</source>
        <translation>最新的记录被删除（服务器上的记录更多）</translation>
    </message>
    <message>
        <source>the entry differs from the one the server received</source>
        <translation>该记录与服务器收到的不一致</translation>
    </message>
    <message>
        <source>the laptop&apos;s audit key changed</source>
        <translation>本机的记录密钥已变更</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>执法全过程记录</translation>
    </message>
    <message>
        <source>I have told the administrator</source>
        <translation>我已告知管理员</translation>
    </message>
</context>
<context>
    <name>BaseMapDialog</name>
    <message>
        <source>Base map</source>
        <translation>底图设置</translation>
    </message>
    <message>
        <source>an .mbtiles file from the office (optional)</source>
        <translation>队里下发的 .mbtiles 离线底图文件（可选）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Offline map file</source>
        <translation>离线底图文件</translation>
    </message>
    <message>
        <source>None (offline file and cache only)</source>
        <translation>不使用（只用离线文件和已缓存的底图）</translation>
    </message>
    <message>
        <source>天地图 (needs a key)</source>
        <translation>天地图（需要密钥）</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>Custom XYZ address</source>
        <translation>自定义 XYZ 地址</translation>
    </message>
    <message>
        <source>Online tile source</source>
        <translation>在线底图来源</translation>
    </message>
    <message>
        <source>天地图 key (tk)</source>
        <translation>天地图密钥（tk）</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Fetch missing tiles while browsing the map, when online (they are kept for offline use)</source>
        <translation>联网时浏览地图自动下载缺少的底图（下载后离线可用）</translation>
    </message>
    <message>
        <source>WGS-84 / CGCS2000 (天地图, OpenStreetMap)</source>
        <translation>WGS-84 / CGCS2000（天地图、OpenStreetMap）</translation>
    </message>
    <message>
        <source>GCJ-02 (高德, 腾讯)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <source>Coordinate system of the tiles</source>
        <translation>底图坐标系</translation>
    </message>
    <message>
        <source>Positions are stored in WGS-84; for a GCJ-02 source the map converts them.</source>
        <translation>位置一律按 WGS-84 保存；底图为 GCJ-02 时，地图会自动换算。</translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles)</source>
        <translation>MBTiles 离线底图 (*.mbtiles)</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>拍摄</translation>
    </message>
</context>
<context>
    <name>CatalogsView</name>
    <message>
        <source>Import a new version…</source>
        <translation>导入新版本…</translation>
    </message>
    <message>
        <source>Confirm the legal basis</source>
        <translation>确认法律依据</translation>
    </message>
    <message>
        <source>After checking the row against the current official text</source>
        <translation>对照现行有效的官方文本核实后确认</translation>
    </message>
    <message>
        <source>Rights and courts…</source>
        <translation>权利告知与管辖…</translation>
    </message>
    <message>
        <source>陈述申辩, 复议 and 诉讼 printed on the notices, per district</source>
        <translation>文书上印制的陈述申辩、复议和诉讼事项（按区县）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <source>Provisions violated</source>
        <translation>违反的条款</translation>
    </message>
    <message>
        <source>Penalty provisions</source>
        <translation>处罚（责令改正）依据</translation>
    </message>
    <message>
        <source>Penalty mode</source>
        <translation>罚则类型</translation>
    </message>
    <message>
        <source>Days to correct</source>
        <translation>改正天数</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Correction required</source>
        <translation>改正要求</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>文号格式</translation>
    </message>
    <message>
        <source>Save number formats</source>
        <translation>保存文号格式</translation>
    </message>
    <message>
        <source>Document numbers of this squad: {district}, {code}, {year}, {n:04d}</source>
        <translation>本中队文号格式，可用：{district}、{code}、{year}、{n:04d}</translation>
    </message>
    <message>
        <source>In use: version {version}{shipped} · {n} imported versions kept</source>
        <translation>正在使用：{version} 版{shipped} · 已保存 {n} 个导入版本</translation>
    </message>
    <message>
        <source> (shipped)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <source>to verify</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>New catalog version</source>
        <translation>新目录版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Name of this version (e.g. 2027-01):</source>
        <translation>版本名称（如 2027-01）：</translation>
    </message>
    <message>
        <source>Catalog imported</source>
        <translation>目录已导入</translation>
    </message>
    <message>
        <source>Version {version} with {n} items is now in use.</source>
        <translation>{version} 版（{n} 项）已启用。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Catalog not imported</source>
        <translation>目录未导入</translation>
    </message>
    <message>
        <source>Nothing was changed: {n} rows have problems. Correct them and import again.</source>
        <translation>未做任何改动：{n} 行有问题。请改正后重新导入。</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome to City inspection</source>
        <translation>欢迎使用城管巡查</translation>
    </message>
    <message>
        <source>This computer has no accounts yet. Choose how to set it up.</source>
        <translation>这台电脑上还没有任何账号。请选择设置方式。</translation>
    </message>
    <message>
        <source>Connect to the squad&apos;s server</source>
        <translation>连接中队服务器</translation>
    </message>
    <message>
        <source>Server address, e.g. https://xcjc.jnzf.gov.cn</source>
        <translation>服务器地址，例如 https://xcjc.jnzf.gov.cn</translation>
    </message>
    <message>
        <source>Work offline on this computer</source>
        <translation>在本机离线使用</translation>
    </message>
    <message>
        <source>Create the first administrator account here; units can then be added, or imported from the squad&apos;s Excel registry.</source>
        <translation>在本机创建第一个管理员账号；之后可以新建责任单位，或从中队的 Excel 台账导入。</translation>
    </message>
    <message>
        <source>This version cannot connect to a server yet.</source>
        <translation>当前版本暂不能连接服务器。</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <source>八乱 check</source>
        <translation>八乱检查</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>门前五包检查</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Earlier value</source>
        <translation>先到的值</translation>
    </message>
    <message>
        <source>Later value (in effect)</source>
        <translation>后到的值（当前生效）</translation>
    </message>
    <message>
        <source>Later value sent by</source>
        <translation>后到值的修改人</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>No conflicts. When two laptops change the same field before syncing, the change appears here for a decision.</source>
        <translation>没有冲突。两台电脑在同步前修改了同一字段时，会在这里等待您决定。</translation>
    </message>
    <message>
        <source>Keep earlier value</source>
        <translation>保留先到的值</translation>
    </message>
    <message>
        <source>Keep later value</source>
        <translation>保留后到的值</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>The server kept the later value; your decision is recorded in the audit log and synced to every laptop.</source>
        <translation>服务器暂时采用后到的值；您的决定会记入审计日志并同步到每台电脑。</translation>
    </message>
    <message>
        <source>deleted, and changed on another laptop</source>
        <translation>已被删除，另一台设备又修改了它</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Merge the two values</source>
        <translation>合并两个值</translation>
    </message>
    <message>
        <source>Value to keep for {field}:</source>
        <translation>{field}最终采用的值：</translation>
    </message>
</context>
<context>
    <name>DailyReportDialog</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Daily report for {day}</source>
        <translation>{day} 巡查日报</translation>
    </message>
    <message>
        <source>Weekly summary: the 7 days up to {day}</source>
        <translation>周汇总：截至 {day} 的 7 天</translation>
    </message>
    <message>
        <source>Monthly summary: {month}</source>
        <translation>月汇总：{month}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Write PDF and Excel</source>
        <translation>生成 PDF 和 Excel</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <source>Folder for reports</source>
        <translation>报表文件夹</translation>
    </message>
    <message>
        <source>Written:
{pdf}
{xlsx}</source>
        <translation>已生成：
{pdf}
{xlsx}</translation>
    </message>
</context>
<context>
    <name>DamageNotice</name>
    <message>
        <source>Database damaged: nothing is being saved</source>
        <translation>数据库已损坏：已停止保存</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Repair now…</source>
        <translation>立即修复…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>DisorderDialog</name>
    <message>
        <source>八乱 check</source>
        <translation>八乱检查</translation>
    </message>
    <message>
        <source>Current position</source>
        <translation>当前位置</translation>
    </message>
    <message>
        <source>Map…</source>
        <translation>地图选点…</translation>
    </message>
    <message>
        <source>Pick the place on the map</source>
        <translation>在地图上选取位置</translation>
    </message>
    <message>
        <source>e.g. 泉城路188号门前</source>
        <translation>例如：泉城路188号门前</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Event code</source>
        <translation>事件编码</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Responsible person or unit</source>
        <translation>责任人或单位</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>现场情况</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>DisordersView</name>
    <message>
        <source>Checks</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Re-checks due</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All roads</source>
        <translation>全部路段</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部队员</translation>
    </message>
    <message>
        <source>Repeat places only</source>
        <translation>只看重复发生</translation>
    </message>
    <message>
        <source>New check</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <source>New 八乱 check (Ctrl+N)</source>
        <translation>新建八乱检查（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>现场情况</translation>
    </message>
    <message>
        <source>Disposal</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Repeat place</source>
        <translation>重复发生</translation>
    </message>
    <message>
        <source>Handle…</source>
        <translation>处置…</translation>
    </message>
    <message>
        <source>Re-check…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Notice / 首违不罚…</source>
        <translation>告知书 / 首违不罚…</translation>
    </message>
    <message>
        <source>Warning notice or order to correct: party, facts, place and photos are carried over</source>
        <translation>开具警示告知书或责令限期改正通知书：当事人、事实、地点和照片自动带入</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处置过程</translation>
    </message>
    <message>
        <source>{total} checks</source>
        <translation>共 {total} 条</translation>
    </message>
    <message>
        <source>{total} checks; the newest {shown} are listed — narrow the filters to see others</source>
        <translation>共 {total} 条，仅列出最新 {shown} 条——请缩小筛选范围查看其他记录</translation>
    </message>
    <message>
        <source>  (device clock was wrong)</source>
        <translation>（当时设备时间有误）</translation>
    </message>
    <message>
        <source>yes — the same kind of problem within 50 m in the last 30 days</source>
        <translation>是——30 天内 50 米范围内发生过同类问题</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Export checks</source>
        <translation>导出八乱检查</translation>
    </message>
    <message>
        <source>Exported {n} checks</source>
        <translation>已导出 {n} 条</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>For the period and filters of the list</source>
        <translation>按检查记录页的时间和筛选条件统计</translation>
    </message>
    <message>
        <source>721: service {s:.0f}% · management {m:.0f}% · enforcement {e:.0f}%</source>
        <translation>721 工作法：服务 {s:.0f}% · 管理 {m:.0f}% · 执法 {e:.0f}%</translation>
    </message>
</context>
<context>
    <name>DisposeDialog</name>
    <message>
        <source>Handle the check</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Not rectified: file a case</source>
        <translation>未整改：转立案</translation>
    </message>
    <message>
        <source>e.g. 历下区交警大队</source>
        <translation>例如：历下区交警大队</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Note / reason</source>
        <translation>说明 / 理由</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>移交部门</translation>
    </message>
    <message>
        <source>“After” photo</source>
        <translation>整改后照片</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>警示告知书 / 首违不罚告知书</source>
        <translation>警示告知书 / 首违不罚告知书</translation>
    </message>
    <message>
        <source>责令限期改正通知书</source>
        <translation>责令限期改正通知书</translation>
    </message>
    <message>
        <source>不予行政处罚决定书</source>
        <translation>不予行政处罚决定书</translation>
    </message>
    <message>
        <source>现场检查（勘验）笔录</source>
        <translation>现场检查（勘验）笔录</translation>
    </message>
    <message>
        <source>送达回证</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <source>送达地址确认书</source>
        <translation>送达地址确认书</translation>
    </message>
    <message>
        <source>门前五包责任书</source>
        <translation>门前五包责任书</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部文书</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Party or number</source>
        <translation>当事人或文号</translation>
    </message>
    <message>
        <source>Verify a paper: scan its QR code or type its number</source>
        <translation>核验纸质文书：扫描二维码或输入文号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>文书类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Batch print selected</source>
        <translation>批量打印所选</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>共 {n} 份文书</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <source>Saved {n} file(s) to {where}</source>
        <translation>已保存 {n} 个文件到 {where}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Ready</source>
        <translation>设置完成</translation>
    </message>
    <message>
        <source>You are signed in as {name} ({username}).
A copy of the database is made every day; Settings (Ctrl+,) choose where it goes.</source>
        <translation>已登录：{name}（{username}）。
程序每天自动备份数据库，备份位置可在“设置”（Ctrl+,）中选择。</translation>
    </message>
</context>
<context>
    <name>DutyWidget</name>
    <message>
        <source>Note (what exactly, where)</source>
        <translation>备注（具体问题、位置）</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The disk is full ({path}): nothing more could be written. Free some space (delete old exports or copies, empty the recycle bin) or choose another folder, then try again.</source>
        <translation>磁盘已满（{path}）：无法再写入。请腾出空间（删除旧的导出文件或副本、清空回收站），或选择其他文件夹，然后重试。</translation>
    </message>
    <message>
        <source>The file or folder {path} may not be written to (no permission, or a read-only drive). Choose another folder, or ask the administrator for access.</source>
        <translation>不能写入文件或文件夹 {path}（没有权限，或是只读的磁盘）。请选择其他文件夹，或请管理员开通权限。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {error}
What was already saved is safe. The details are in the log file; please tell your administrator.</source>
        <translation>发生了意外错误：{error}
已保存的内容都是安全的。详细信息已写入日志文件，请告知系统管理员。</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up City inspection</source>
        <translation>设置城管巡查</translation>
    </message>
</context>
<context>
    <name>FormWidget</name>
    <message>
        <source>Please correct {n} field(s) before saving.</source>
        <translation>请先更正 {n} 处填写有误的内容，再保存。</translation>
    </message>
</context>
<context>
    <name>HeldBackBox</name>
    <message>
        <source>法制审核</source>
        <translation>法制审核</translation>
    </message>
    <message>
        <source>{title} is 待法制审核. It is issued, and numbered, once the reviewer has approved it; sync to receive the decision.</source>
        <translation>{title}待法制审核：审核通过后才能制发并取文号；请同步以接收审核结果。</translation>
    </message>
    <message>
        <source>The reviewer returned {title}:
{opinion}

Correct the case as the opinion says. Send it for review again now?</source>
        <translation>法制审核退回了{title}：
{opinion}

请按审核意见改正后重新提交。现在重新提交法制审核吗？</translation>
    </message>
    <message>
        <source>{title} needs 法制审核 before it is issued ({reasons}). No number is taken until it is approved. Send it for review now?</source>
        <translation>{title}须经法制审核后才能制发（{reasons}）。审核通过前不取文号。现在提交法制审核吗？</translation>
    </message>
    <message>
        <source>Send for review</source>
        <translation>提交法制审核</translation>
    </message>
</context>
<context>
    <name>ImportUnitsDialog</name>
    <message>
        <source>Import units from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入责任单位</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen yet. Any sheet with a header row works; title rows above it and merged cells are fine.</source>
        <translation>尚未选择文件。任何带表头行的表格都可以导入；表头上方的标题行和合并单元格都没有问题。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Unit registry</source>
        <translation>责任单位台账</translation>
    </message>
    <message>
        <source>{name}: {rows} data rows, header found in the sheet.</source>
        <translation>{name}：{rows} 行数据，已找到表头。</translation>
    </message>
    <message>
        <source>Warning: {count} cells hold a formula whose value was never saved, and are read as empty: {cells}. Open the file in Excel or WPS and save it again to keep their values.</source>
        <translation>注意：有 {count} 个单元格是公式，但文件中没有保存计算结果，将按空值读入：{cells}。请用 Excel 或 WPS 打开该文件并重新保存，以保留这些值。</translation>
    </message>
    <message>
        <source>This file has {rows} rows: checking and importing them takes minutes, and the database grows by about {mb} MB; while the import runs, about {temporary} MB more must be free on the disk (given back when it ends). You can cancel at any time; cancelling changes nothing.</source>
        <translation>这个文件有 {rows} 行：检查和导入需要几分钟，数据库将增大约 {mb} MB；导入期间磁盘还需要约 {temporary} MB 可用空间（导入结束后释放）。可以随时取消，取消后不会有任何改动。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{total} rows: {new} new, {update} updates of units already here (matched by credit code or ID number), {errors} with errors — those are listed first and will not be imported; fix them in the file and import it again.</source>
        <translation>共 {total} 行：新增 {new} 个，更新已有单位 {update} 个（按统一社会信用代码或身份证号匹配），有错误 {errors} 行——错误行排在最前面，不会导入；请在文件中改正后再次导入。</translation>
    </message>
    <message>
        <source>Import {n} rows</source>
        <translation>导入 {n} 行</translation>
    </message>
    <message>
        <source>Imported: {created} new units, {updated} updated, {same} unchanged; {refused} rows with errors were left out.</source>
        <translation>已导入：新增 {created} 个单位，更新 {updated} 个，{same} 个无变化；{refused} 行有错误，未导入。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>已取消导入：未做任何改动。</translation>
    </message>
</context>
<context>
    <name>IndexFreshnessWidget</name>
    <message>
        <source>City-wide offence records: not on this laptop yet, so only its own records were searched. Sync to get them.</source>
        <translation>全市违法记录：本机尚未取得，只查询了本机记录。请同步以取得全市违法记录。</translation>
    </message>
    <message>
        <source>City-wide offence records searched: as of {when}.</source>
        <translation>已查询全市违法记录：截至 {when}。</translation>
    </message>
    <message>
        <source>That is more than {days} days ago: sync first.</source>
        <translation>已超过 {days} 天，请先同步。</translation>
    </message>
    <message>
        <source>This laptop has no city-wide offence records yet: a violation this party committed in another squad&apos;s district cannot be seen, and the 首违不罚 decision rests on this laptop&apos;s records alone.</source>
        <translation>本机尚未取得全市违法记录：当事人在其他中队辖区的违法记录无法查到，本次首违不罚决定仅依据本机记录。</translation>
    </message>
    <message>
        <source>The city-wide offence records on this laptop are {days} days old (as of {when}; the limit is {limit} days): another squad&apos;s recent record of this party may be missing.</source>
        <translation>本机的全市违法记录已 {days} 天未更新（截至 {when}，期限为 {limit} 天）：其他中队近期对该当事人的违法记录可能未包含在内。</translation>
    </message>
    <message>
        <source>Sync before a 首违不罚 notice?</source>
        <translation>开具首违不罚告知书前先同步？</translation>
    </message>
    <message>
        <source>Sync first if you can (the sync page), then decide again. Issue now only if the party cannot wait: the server checks the decision again when it syncs.</source>
        <translation>能同步时请先同步（同步页面），再重新判断。只有当事人无法等待时才现在开具：同步时服务器会再次核对该决定。</translation>
    </message>
    <message>
        <source>Issue anyway</source>
        <translation>仍然开具</translation>
    </message>
    <message>
        <source>Sync first</source>
        <translation>先同步</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>门前五包 inspection — {name}</source>
        <translation>门前五包检查 — {name}</translation>
    </message>
    <message>
        <source>知晓 (asked about the five duties)</source>
        <translation>知晓情况（询问门前五包责任）</translation>
    </message>
    <message>
        <source>Overall note</source>
        <translation>总体备注</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>All compliant</source>
        <translation>全部合格</translation>
    </message>
    <message>
        <source>Mark every duty not answered yet as compliant; answers already chosen stay as they are.</source>
        <translation>把尚未作答的职责都记为合格；已选的答案保持不变。</translation>
    </message>
    <message>
        <source>Restored the draft autosaved at {time}.</source>
        <translation>已恢复 {time} 自动保存的草稿。</translation>
    </message>
    <message numerus="yes">
        <source>Score: %n duty(ies) not answered yet</source>
        <translation>
            <numerusform>得分：还有 %n 项职责未作答</numerusform>
        </translation>
    </message>
    <message>
        <source>Score: complete the form</source>
        <translation>得分：请完成填写</translation>
    </message>
    <message>
        <source>compliant</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not compliant</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>Score: {score} · {verdict}</source>
        <translation>得分：{score} · {verdict}</translation>
    </message>
</context>
<context>
    <name>LegalReviewView</name>
    <message>
        <source>首违不罚</source>
        <translation>首违不罚</translation>
    </message>
    <message>
        <source>不予首违不罚，立案</source>
        <translation>不予首违不罚，立案</translation>
    </message>
    <message>
        <source>责令限期改正</source>
        <translation>责令限期改正</translation>
    </message>
    <message>
        <source>待法制审核</source>
        <translation>待法制审核</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>审核退回</source>
        <translation>审核退回</translation>
    </message>
    <message>
        <source>Why it needs review</source>
        <translation>审核原因</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>违法事实</translation>
    </message>
    <message>
        <source>Overridden by the officer</source>
        <translation>执法人员改变系统判断的理由</translation>
    </message>
    <message>
        <source>Prior record</source>
        <translation>既往违法记录</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Enter)</source>
        <translation>审核通过（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Return with opinion… (Ctrl+R)</source>
        <translation>退回并写明意见…（Ctrl+R）</translation>
    </message>
    <message>
        <source>Ctrl+Enter: approve</source>
        <translation>Ctrl+Enter：审核通过</translation>
    </message>
    <message>
        <source>Ctrl+R: return with opinion</source>
        <translation>Ctrl+R：退回并写明意见</translation>
    </message>
    <message>
        <source>{n} decided</source>
        <translation>已审核 {n} 件</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>待审核 {n} 件</translation>
    </message>
    <message>
        <source>server re-decision</source>
        <translation>服务器复核</translation>
    </message>
    <message>
        <source>No decision has been reviewed yet.</source>
        <translation>还没有审核过的决定。</translation>
    </message>
    <message>
        <source>Nothing waits for 法制审核. A decision appears here when an officer sends it for review (不予行政处罚决定书, a 首违不罚 decided against the app&apos;s proposal, a case filed for 立案) or when the server finds a prior offence the officer&apos;s laptop could not see. Sync (F5 on the sync page) to receive new ones.</source>
        <translation>目前没有待法制审核的决定。执法人员提交审核（不予行政处罚决定书、改变系统判断作出的首违不罚决定、转入立案的案件），或服务器查到执法人员本机看不到的同类违法记录时，决定会出现在这里。请在“同步”页按 F5 同步以接收新的审核事项。</translation>
    </message>
    <message>
        <source>The laptop&apos;s decision</source>
        <translation>本机判断</translation>
    </message>
    <message>
        <source>The server&apos;s decision</source>
        <translation>服务器复核判断</translation>
    </message>
    <message>
        <source>{date} · {item} · {squad} · {number}</source>
        <translation>{date} · {item} · {squad} · {number}</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未查到</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — City inspection</source>
        <translation>登录 — 城管巡查</translation>
    </message>
    <message>
        <source>Jinan city management field inspection</source>
        <translation>济南城管执法巡查</translation>
    </message>
    <message>
        <source>Works offline: sign in with the password of your last online sign-in.</source>
        <translation>无网络也可登录：请使用最近一次联网登录时的密码。</translation>
    </message>
    <message>
        <source>The screen is locked. {name}, type your password to continue.</source>
        <translation>屏幕已锁定。{name}，请输入密码继续。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <source>Demo data — sign in with one of these accounts, password {password}:</source>
        <translation>演示数据——用下列任一账号登录，密码均为 {password}：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>City inspection — 济南城管</source>
        <translation>城管巡查 — 济南城管</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>{name} · {role} · {squad}</source>
        <translation>{name} · {role} · {squad}</translation>
    </message>
    <message>
        <source>no squad</source>
        <translation>未分配中队</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit the app instead of unlocking it?</source>
        <translation>不解锁，直接退出程序？</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+9: go to a page</source>
        <translation>Ctrl+1 … Ctrl+9：切换页面</translation>
    </message>
    <message>
        <source>Ctrl+F: search on the current page</source>
        <translation>Ctrl+F：在当前页面搜索</translation>
    </message>
    <message>
        <source>Ctrl+N: new record</source>
        <translation>Ctrl+N：新建记录</translation>
    </message>
    <message>
        <source>Enter / double-click: open the selected record</source>
        <translation>回车 / 双击：打开选中的记录</translation>
    </message>
    <message>
        <source>Ctrl+L: lock the screen</source>
        <translation>Ctrl+L：锁定屏幕</translation>
    </message>
    <message>
        <source>Ctrl+,: settings</source>
        <translation>Ctrl+,：设置</translation>
    </message>
    <message>
        <source>Ctrl+Q: quit</source>
        <translation>Ctrl+Q：退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>City inspection {version}
Offline-first field app for Jinan city-management squads.
Document fonts: Fandol Fang and Fandol Song Bold (Fandol team, GPL v3 with the font exception); screen font: AR PL SungtiL GB (Arphic Public License); rare characters: HanaMin A and B (GlyphWiki Project, Hanazono Font License or SIL OFL 1.1).</source>
        <translation>城管巡查 {version}
面向济南城管执法中队的离线优先外勤应用。
文书字体：Fandol 仿宋、Fandol 宋体粗体（Fandol 团队，GPL v3 附字体例外条款）；屏幕字体：文鼎 PL 简报宋（Arphic Public License）；生僻字：花园明朝 A、B（GlyphWiki Project，花园字体许可或 SIL OFL 1.1）。</translation>
    </message>
</context>
<context>
    <name>MapPickerDialog</name>
    <message>
        <source>Pick the position on the map</source>
        <translation>在地图上选取位置</translation>
    </message>
    <message>
        <source>Click the place on the map. Units and roads are shown to help you find it.</source>
        <translation>在地图上点击该位置。图上显示了责任单位和道路，便于查找。</translation>
    </message>
    <message>
        <source>Picked: {lat:.6f}, {lon:.6f}. Click again to move it, or press OK.</source>
        <translation>已选：{lat:.6f}，{lon:.6f}。可再次点击调整，或按“确定”。</translation>
    </message>
</context>
<context>
    <name>MapTilesPage</name>
    <message>
        <source>Offline map (optional)</source>
        <translation>离线底图（可选）</translation>
    </message>
    <message>
        <source>Keep the base map of your squad&apos;s area on this computer, so the map shows streets without a network. You can also do this later on the map page.</source>
        <translation>把本中队辖区的底图保存到这台电脑，没有网络时地图也能显示街道。也可以以后在地图页面下载。</translation>
    </message>
    <message>
        <source>天地图 (needs the bureau&apos;s key)</source>
        <translation>天地图（需要局里的密钥）</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>天地图 key (tk)</source>
        <translation>天地图密钥（tk）</translation>
    </message>
    <message>
        <source>Download now</source>
        <translation>立即下载</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Down to zoom level</source>
        <translation>最高缩放级别</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>Your squad has no road segments yet; set the map up later on the map page.</source>
        <translation>本中队还没有路段，请以后在地图页面设置底图。</translation>
    </message>
    <message>
        <source>{count} tiles, about {mb:.0f} MB</source>
        <translation>{count} 张瓦片，约 {mb:.0f} MB</translation>
    </message>
    <message>
        <source>Downloading… Pressing Next stops it; the tiles saved so far are kept.</source>
        <translation>正在下载…… 按“下一步”会停止下载，已保存的瓦片会保留。</translation>
    </message>
    <message>
        <source>{fetched} tiles saved for offline use.</source>
        <translation>已保存 {fetched} 张离线瓦片。</translation>
    </message>
    <message>
        <source>Stopped; the tiles saved so far are kept.</source>
        <translation>已停止，已保存的瓦片会保留。</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Road coverage</source>
        <translation>道路覆盖</translation>
    </message>
    <message>
        <source>Patrol tracks</source>
        <translation>巡查轨迹</translation>
    </message>
    <message>
        <source>八乱</source>
        <translation>八乱</translation>
    </message>
    <message>
        <source>Re-checks due</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>责任书 signed</source>
        <translation>已签责任书</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
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
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>waiting for re-check</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>case filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>resubmitted</source>
        <translation>已重新提交</translation>
    </message>
    <message>
        <source>last check passed</source>
        <translation>最近检查合格</translation>
    </message>
    <message>
        <source>last check failed</source>
        <translation>最近检查不合格</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>no 责任书</source>
        <translation>未签责任书</translation>
    </message>
    <message>
        <source>road visited</source>
        <translation>道路已巡</translation>
    </message>
    <message>
        <source>road not visited</source>
        <translation>道路未巡</translation>
    </message>
    <message>
        <source>track</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>re-check due</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>work order overdue</source>
        <translation>工单超期</translation>
    </message>
    <message>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <source>Day of the tracks and road coverage</source>
        <translation>轨迹和道路覆盖的日期</translation>
    </message>
    <message>
        <source>Open 八乱 checks</source>
        <translation>未办结的八乱</translation>
    </message>
    <message>
        <source>All checks, 7 days</source>
        <translation>近7天全部八乱</translation>
    </message>
    <message>
        <source>All checks, 30 days</source>
        <translation>近30天全部八乱</translation>
    </message>
    <message>
        <source>All checks, 90 days</source>
        <translation>近90天全部八乱</translation>
    </message>
    <message>
        <source>My position</source>
        <translation>我的位置</translation>
    </message>
    <message>
        <source>Centre on a road</source>
        <translation>定位到道路</translation>
    </message>
    <message>
        <source>Download area…</source>
        <translation>下载离线底图…</translation>
    </message>
    <message>
        <source>Base map…</source>
        <translation>底图设置…</translation>
    </message>
    <message>
        <source>Click a marker, a road or a track to see it here.</source>
        <translation>点击地图上的标记、道路或轨迹，在这里查看详情。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Centre on a road…</source>
        <translation>定位到道路…</translation>
    </message>
    <message>
        <source>Loading the layers…</source>
        <translation>正在加载图层…</translation>
    </message>
    <message>
        <source>No unit has a position yet: add one in a unit&apos;s form (type it, use your position or pick it on the map).</source>
        <translation>还没有带位置的责任单位：请在单位信息中填写位置（手动输入、使用当前位置或在地图上选点）。</translation>
    </message>
    <message>
        <source>{units} units · {checks} 八乱 checks · {notices} re-checks due · {tracks} tracks on {day}</source>
        <translation>责任单位 {units} 家 · 八乱 {checks} 起 · 待复查 {notices} 件 · {day} 巡查轨迹 {tracks} 条</translation>
    </message>
    <message>
        <source> ({n} re-checks due have no position on the map)</source>
        <translation>（其中 {n} 件待复查未标注位置，地图上不显示）</translation>
    </message>
    <message>
        <source>No position yet: start a patrol with GPS, or type a position on the patrol page.</source>
        <translation>还没有位置：请开始巡查并连接 GPS，或在巡查页面手动输入位置。</translation>
    </message>
    <message>
        <source>Map: Ctrl+R reloads the layers</source>
        <translation>地图：Ctrl+R 重新加载图层</translation>
    </message>
</context>
<context>
    <name>NoticeFlow</name>
    <message>
        <source>Sent for 法制审核: it is issued after approval.</source>
        <translation>已提交法制审核：审核通过后才能制发。</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <source>首违不罚</source>
        <translation>首违不罚</translation>
    </message>
    <message>
        <source>not eligible, case</source>
        <translation>不符合，立案</translation>
    </message>
    <message>
        <source>order to correct</source>
        <translation>责令改正</translation>
    </message>
    <message>
        <source>警示告知书</source>
        <translation>警示告知书</translation>
    </message>
    <message>
        <source>责令限期改正通知书</source>
        <translation>责令限期改正通知书</translation>
    </message>
    <message>
        <source>送达回证</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <source>立案审批</source>
        <translation>立案审批</translation>
    </message>
    <message>
        <source>待法制审核</source>
        <translation>待法制审核</translation>
    </message>
    <message>
        <source>法制审核退回</source>
        <translation>法制审核退回</translation>
    </message>
    <message>
        <source>waiting for re-check</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>case filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>清单项</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notice number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>New violation…</source>
        <translation>新建违法记录…</translation>
    </message>
    <message>
        <source>Record a violation and issue the notice (Ctrl+N)</source>
        <translation>记录违法行为并开具告知书（Ctrl+N）</translation>
    </message>
    <message>
        <source>Issue notice…</source>
        <translation>开具告知书…</translation>
    </message>
    <message>
        <source>Scene record (笔录)…</source>
        <translation>现场笔录…</translation>
    </message>
    <message>
        <source>现场检查（勘验）笔录</source>
        <translation>现场检查（勘验）笔录</translation>
    </message>
    <message>
        <source>Service address (送达地址确认书)…</source>
        <translation>送达地址确认书…</translation>
    </message>
    <message>
        <source>The party&apos;s address for service and consent to 电子送达</source>
        <translation>当事人的送达地址及是否同意电子送达</translation>
    </message>
    <message>
        <source>送达地址确认书</source>
        <translation>送达地址确认书</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Reopen and reprint the documents issued for this violation</source>
        <translation>重新打开、补打本违法行为已制作的文书</translation>
    </message>
    <message>
        <source>Re-check…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <source>Decision and reasons</source>
        <translation>判定及理由</translation>
    </message>
    <message>
        <source>“After” photo for the re-check</source>
        <translation>复查整改后照片</translation>
    </message>
    <message>
        <source>{n} re-check(s) due</source>
        <translation>{n} 项待复查</translation>
    </message>
    <message>
        <source>(not issued)</source>
        <translation>（未开具）</translation>
    </message>
    <message>
        <source>
Overridden by the officer: {reason}</source>
        <translation>
执法人员改变判定：{reason}</translation>
    </message>
    <message>
        <source>Select a violation to see why the app decided as it did.</source>
        <translation>选择一条违法记录，查看判定理由。</translation>
    </message>
    <message>
        <source>
法制审核 of the {title}: waiting (no number is taken until approval).</source>
        <translation>
{title}：待法制审核（审核通过前不取文号）。</translation>
    </message>
    <message>
        <source>
法制审核 returned the {title}: {opinion}</source>
        <translation>
{title}被法制审核退回：{opinion}</translation>
    </message>
    <message>
        <source>
法制审核 approved the {title}.</source>
        <translation>
{title}已通过法制审核。</translation>
    </message>
    <message>
        <source>首违不罚告知书</source>
        <translation>首违不罚告知书</translation>
    </message>
    <message>
        <source>  (voided)</source>
        <translation>（已作废）</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Has the party corrected it?</source>
        <translation>当事人是否已改正？</translation>
    </message>
    <message>
        <source>不予行政处罚决定书</source>
        <translation>不予行政处罚决定书</translation>
    </message>
</context>
<context>
    <name>PatrolRunningPage</name>
    <message>
        <source>Record my position…</source>
        <translation>记录当前位置…</translation>
    </message>
    <message>
        <source>Inspect selected unit</source>
        <translation>检查所选单位</translation>
    </message>
    <message>
        <source>End patrol</source>
        <translation>结束巡查</translation>
    </message>
    <message>
        <source>Report 八乱:</source>
        <translation>快速上报八乱：</translation>
    </message>
    <message>
        <source>Find a unit: name, address or pinyin initials; Enter inspects it</source>
        <translation>查找单位：名称、地址或拼音首字母；回车即检查</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>This patrol</source>
        <translation>本次巡查</translation>
    </message>
</context>
<context>
    <name>PatrolStartPage</name>
    <message>
        <source>Start a patrol</source>
        <translation>开始巡查</translation>
    </message>
    <message>
        <source>Tick the road segments you patrol today. Type to find one (name or pinyin initials, e.g. qcl), Enter ticks it; Enter with nothing typed starts.</source>
        <translation>勾选今天巡查的路段。输入可查找（路名或拼音首字母，如 qcl），回车勾选；未输入时回车即开始巡查。</translation>
    </message>
    <message>
        <source>Find a road segment: 泉城路 or qcl</source>
        <translation>查找路段：泉城路 或 qcl</translation>
    </message>
    <message>
        <source>Second officer:</source>
        <translation>同行执法人员：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Start patrol</source>
        <translation>开始巡查</translation>
    </message>
    <message>
        <source>Ticked: {roads}</source>
        <translation>已勾选：{roads}</translation>
    </message>
    <message>
        <source>No road segment ticked yet.</source>
        <translation>尚未勾选路段。</translation>
    </message>
</context>
<context>
    <name>PatrolView</name>
    <message>
        <source>End patrol</source>
        <translation>结束巡查</translation>
    </message>
    <message>
        <source>compliant</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not compliant</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>已查</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>待查</translation>
    </message>
    <message>
        <source>position typed at {time}: {lat:.5f}, {lon:.5f}</source>
        <translation>{time} 手动录入位置：{lat:.5f}, {lon:.5f}</translation>
    </message>
    <message>
        <source>waiting for a GPS fix…</source>
        <translation>等待 GPS 定位…</translation>
    </message>
    <message>
        <source>GPS on</source>
        <translation>GPS 已开启</translation>
    </message>
    <message>
        <source>{unit} failed {n} duty(ies). Record an 八乱 check or issue a notice now? Unit, place and photos are carried over.</source>
        <translation>{unit} 有 {n} 项责任不合格。现在登记八乱检查或开具告知书吗？单位、地点和照片会自动带入。</translation>
    </message>
    <message>
        <source>八乱 check</source>
        <translation>八乱检查</translation>
    </message>
    <message>
        <source>Notice…</source>
        <translation>告知书…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>no GPS: record positions by hand</source>
        <translation>无 GPS：请手动记录位置</translation>
    </message>
    <message>
        <source>On patrol since {start} · {roads} road segments · {checked}/{total} units checked · {gps}</source>
        <translation>巡查开始于 {start} · {roads} 个路段 · 已查 {checked}/{total} 个单位 · {gps}</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>Next: {name}, {address} — Enter inspects it</source>
        <translation>下一家：{name}，{address} — 回车检查</translation>
    </message>
    <message>
        <source>End the patrol now?
{checked} of {total} units checked, {left} not checked.</source>
        <translation>现在结束巡查吗？
共 {total} 家单位，已查 {checked} 家，未查 {left} 家。</translation>
    </message>
    <message>
        <source>Not checked: {names}</source>
        <translation>未查：{names}</translation>
    </message>
    <message>
        <source>Keep patrolling</source>
        <translation>继续巡查</translation>
    </message>
    <message>
        <source>Patrol ended</source>
        <translation>巡查结束</translation>
    </message>
    <message>
        <source>Duration {h} h {m} min · distance {km:.2f} km
Units inspected: {n} ({bad} not compliant)
Units on the roads: {total}, not checked: {left}</source>
        <translation>用时 {h} 小时 {m} 分钟 · 里程 {km:.2f} 公里
检查单位：{n} 个（不达标 {bad} 个）
路段内单位：{total} 个，未检查 {left} 个</translation>
    </message>
</context>
<context>
    <name>PdfFiles</name>
    <message>
        <source>Save document</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <source>Save documents</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <source>Save the {n} selected documents as one PDF, or as one file each in a folder?</source>
        <translation>将选中的 {n} 份文书合并保存为一个 PDF，还是每份一个文件保存到文件夹？</translation>
    </message>
    <message>
        <source>One PDF…</source>
        <translation>合并为一个 PDF…</translation>
    </message>
    <message>
        <source>One file each…</source>
        <translation>每份一个文件…</translation>
    </message>
    <message>
        <source>{n} documents.pdf</source>
        <translation>{n} 份文书.pdf</translation>
    </message>
    <message>
        <source>Folder for the documents</source>
        <translation>保存文书的文件夹</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>没有 PDF 阅读程序</translation>
    </message>
    <message>
        <source>This computer has no program that opens PDF files. The file is saved at:
{path}
Save a copy elsewhere to open or print it on another computer, or ask the administrator to install a PDF viewer.</source>
        <translation>本机没有能打开 PDF 文件的程序。文件已保存在：
{path}
可另存一份（如存到U盘）到其他电脑上打开或打印，或请管理员安装 PDF 阅读程序。</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>保存文书</translation>
    </message>
</context>
<context>
    <name>PendingListWidget</name>
    <message>
        <source>Publish by</source>
        <translation>最迟公示</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Nothing to publish: every decision on this laptop has been exported for 公示. New decisions appear here with the date they must be published by (7 working days after the decision).</source>
        <translation>没有待公示的决定：本机的决定都已导出公示。新的决定会列在这里，并注明最迟公示日期（决定之日起7个工作日）。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待公示</translation>
    </message>
    <message>
        <source>{late} overdue, {due} still within 7 working days</source>
        <translation>逾期未公示 {late} 件，期限内待公示 {due} 件</translation>
    </message>
    <message>
        <source>To publish ({late} overdue)</source>
        <translation>待公示（逾期 {late}）</translation>
    </message>
    <message>
        <source>To publish ({n})</source>
        <translation>待公示（{n}）</translation>
    </message>
</context>
<context>
    <name>PhotoStripWidget</name>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photo not added</source>
        <translation>照片未添加</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>My position</source>
        <translation>当前位置</translation>
    </message>
    <message>
        <source>WGS-84 degrees, as a phone&apos;s GPS shows them.</source>
        <translation>WGS-84 经纬度（度），与手机 GPS 显示一致。</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer</source>
        <translation>没有打印机</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. The document is stored; save it as PDF and print it elsewhere, or connect a printer and try again.</source>
        <translation>本机没有设置打印机。文书已保存；可另存为 PDF 到其他电脑打印，或连接打印机后重试。</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>The printer did not accept the job. Check that it is on and has paper.</source>
        <translation>打印机没有接受打印任务。请检查打印机是否开机、是否有纸。</translation>
    </message>
</context>
<context>
    <name>PublicationView</name>
    <message>
        <source>首违不罚警示告知书</source>
        <translation>首违不罚警示告知书</translation>
    </message>
    <message>
        <source>不予行政处罚决定书</source>
        <translation>不予行政处罚决定书</translation>
    </message>
    <message>
        <source>Only unpublished</source>
        <translation>仅未公示</translation>
    </message>
    <message>
        <source>Leave out decisions an earlier export already published</source>
        <translation>不含以前导出时已公示的决定</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>公示: Ctrl+E exports the decisions as Excel, Ctrl+Shift+E as CSV</source>
        <translation>公示：Ctrl+E 导出 Excel，Ctrl+Shift+E 导出 CSV</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>All squads</source>
        <translation>全部中队</translation>
    </message>
    <message>
        <source>Decisions in range ({n})</source>
        <translation>期间内决定（{n}）</translation>
    </message>
    <message>
        <source>Export for 公示</source>
        <translation>导出公示文件</translation>
    </message>
    <message>
        <source>Exported {rows} decisions to {path}; {new} of them are now marked as published.</source>
        <translation>已导出 {rows} 件决定到 {path}；其中 {new} 件已标记为已公示。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>RangeListWidget</name>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Party (as published)</source>
        <translation>当事人（公示名称）</translation>
    </message>
    <message>
        <source>Publish by</source>
        <translation>最迟公示</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公示情况</translation>
    </message>
    <message>
        <source>Squad</source>
        <translation>中队</translation>
    </message>
    <message>
        <source>No 不予处罚 decision was issued in this range. Choose another date range, district or squad; decisions appear here once a 首违不罚 notice or a 不予行政处罚决定书 is issued.</source>
        <translation>所选期间没有不予处罚决定。请换一个日期范围、区县或中队；开具首违不罚警示告知书或不予行政处罚决定书后，决定会出现在这里。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未公示</translation>
    </message>
    <message>
        <source>Published by {who} on {when} in {file}</source>
        <translation>{who}于 {when} 公示（文件 {file}）</translation>
    </message>
</context>
<context>
    <name>RareFontsWidget</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Rare-character faces: looking…</source>
        <translation>生僻字字体：正在查找…</translation>
    </message>
    <message>
        <source>No face for rare characters was found: names such as 𠮷 cannot be printed until one is added here.</source>
        <translation>未找到生僻字字体：在此添加一个之前，“𠮷”等字无法打印。</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>from this computer</source>
        <translation>本机字体</translation>
    </message>
    <message>
        <source>In use for rare characters: {names}. Added files are used for characters none of these has.</source>
        <translation>生僻字使用：{names}。添加的字体文件用于以上字体都没有的字。</translation>
    </message>
    <message>
        <source>Font for rare characters</source>
        <translation>生僻字字体</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>共 {n} 个字</translation>
    </message>
</context>
<context>
    <name>RatesView</name>
    <message>
        <source>门前五包 rates</source>
        <translation>门前五包指标</translation>
    </message>
    <message>
        <source>Star units</source>
        <translation>星级单位</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单指标</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>签约率</source>
        <translation>签约率</translation>
    </message>
    <message>
        <source>知晓率 (asked)</source>
        <translation>知晓率（抽查）</translation>
    </message>
    <message>
        <source>履约率 (inspections)</source>
        <translation>履约率（检查）</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查次数</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约数</translation>
    </message>
    <message>
        <source>签约率 = units with a signed 责任书 dated by the end of the period ÷ units · 知晓率 = units whose latest answer knew the five duties ÷ units asked · 履约率 = compliant inspections ÷ inspections</source>
        <translation>签约率 = 期末前已签订责任书的单位数 ÷ 单位数 · 知晓率 = 最近一次抽查能说出门前五包责任的单位数 ÷ 被抽查单位数 · 履约率 = 达标检查次数 ÷ 检查次数</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source> and above</source>
        <translation> 及以上</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Failed inspections, last 12 months</source>
        <translation>近12个月不合格次数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>知晓率</source>
        <translation>知晓率</translation>
    </message>
    <message>
        <source>履约率</source>
        <translation>履约率</translation>
    </message>
    <message>
        <source>The {n} groups with the most inspections</source>
        <translation>检查次数最多的 {n} 个分组</translation>
    </message>
    <message>
        <source> — due for 摘牌</source>
        <translation> —— 应摘牌</translation>
    </message>
    <message>
        <source>{n} star units</source>
        <translation>共 {n} 个星级单位</translation>
    </message>
    <message>
        <source>Export rates</source>
        <translation>导出指标</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>现场检查（勘验）笔录</source>
        <translation>现场检查（勘验）笔录</translation>
    </message>
    <message>
        <source>Ends when it is signed</source>
        <translation>签名时结束</translation>
    </message>
    <message>
        <source>Question (问)</source>
        <translation>问</translation>
    </message>
    <message>
        <source>Answer as given (答)</source>
        <translation>答（按当事人原话）</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>添加问答</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>删除问答</translation>
    </message>
    <message>
        <source>What was found on the scene</source>
        <translation>现场检查发现的情况</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Type each answer as the party gave it; nothing is filled in for them.</source>
        <translation>请按当事人原话录入回答；不会替当事人填写。</translation>
    </message>
    <message>
        <source>Name of a witness present, if any (e.g. a 居委会 member)</source>
        <translation>在场见证人姓名（如有，例如居委会工作人员）</translation>
    </message>
    <message>
        <source>No sketch photo</source>
        <translation>无现场示意图照片</translation>
    </message>
    <message>
        <source>No photos: take them in the violation first</source>
        <translation>无照片：请先在违法记录中拍照</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>现场情况</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Sketch of the scene</source>
        <translation>现场示意图</translation>
    </message>
    <message>
        <source>Next: signatures</source>
        <translation>下一步：签名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>在场人员</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The data file cannot be opened</source>
        <translation>数据文件无法打开</translation>
    </message>
    <message>
        <source>The file was left as it is. You can put the newest backup in its place (records made after that backup come back with the next sync), or copy every record that can still be read into a new data file. Either way the damaged file is kept.</source>
        <translation>该文件未被改动。您可以用最新的备份替换它（备份之后录入的记录会在下次同步时从服务器取回），也可以把仍能读出的全部记录抢救到一个新的数据文件中。无论哪种方式，损坏的文件都会保留。</translation>
    </message>
    <message>
        <source>Looking for backups…</source>
        <translation>正在查找备份…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Salvage data</source>
        <translation>抢救数据</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Continue to sign-in</source>
        <translation>继续登录</translation>
    </message>
    <message>
        <source>No usable backup was found: only salvaging is possible.</source>
        <translation>没有找到可用的备份：只能抢救数据。</translation>
    </message>
    <message>
        <source>Newest backup: {name} (made {time}).</source>
        <translation>最新备份：{name}（{time} 生成）。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <source>The replaced file was kept as {path}.</source>
        <translation>被替换的文件已保留为 {path}。</translation>
    </message>
    <message>
        <source>Salvaging the readable records…</source>
        <translation>正在抢救可读出的记录…</translation>
    </message>
    <message>
        <source>{count} records were copied into a new data file; the damaged file was kept as {path}.</source>
        <translation>{count} 条记录已复制到新的数据文件；损坏的文件已保留为 {path}。</translation>
    </message>
    <message>
        <source>Nothing is known to be lost.</source>
        <translation>未发现丢失的记录。</translation>
    </message>
    <message>
        <source>Some records could not be read (up to {count}). Sync with the server to get back what it has, or compare with the newest backup.</source>
        <translation>有些记录无法读出（最多 {count} 条）。请与服务器同步以取回服务器上已有的记录，或与最新备份核对。</translation>
    </message>
    <message>
        <source>Tables lost entirely: {names}</source>
        <translation>整张表丢失：{names}</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply to {number}</source>
        <translation>回复工单 {number}</translation>
    </message>
    <message>
        <source>Start from a template…</source>
        <translation>选用回复模板…</translation>
    </message>
    <message>
        <source>“Before” photos</source>
        <translation>处置前照片</translation>
    </message>
    <message>
        <source>“After” photos</source>
        <translation>处置后照片</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复内容</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return for correction</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <source>Return {what}. What must the officer correct?</source>
        <translation>退回“{what}”。需要队员更正什么？</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>例如：{example}</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>ReturnReviewDialog</name>
    <message>
        <source>Return with opinion</source>
        <translation>退回并写明意见</translation>
    </message>
    <message>
        <source>Return {subject} to the officer. Write what is wrong and what must be done; the officer sees your opinion after the next sync.</source>
        <translation>将{subject}退回执法人员。请写明存在的问题和需要怎么做；执法人员下次同步后即可看到审核意见。</translation>
    </message>
    <message>
        <source>e.g. 复查照片不能证明已改正，请补拍后重新提交</source>
        <translation>例如：复查照片不能证明已改正，请补拍后重新提交</translation>
    </message>
    <message>
        <source>Return (Ctrl+Enter)</source>
        <translation>退回（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>ReturnedView</name>
    <message>
        <source>Nothing returned. When your supervisor returns a patrol or an inspection, it appears here with what to correct.</source>
        <translation>没有被退回的记录。值班长退回巡查或检查记录时，会连同更正意见显示在这里。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>值班长意见</translation>
    </message>
    <message>
        <source>Correct / resubmit</source>
        <translation>更正 / 重新提交</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <source>门前五包 inspection</source>
        <translation>门前五包检查</translation>
    </message>
    <message>
        <source>Resubmit patrol</source>
        <translation>重新提交巡查</translation>
    </message>
    <message>
        <source>What did you correct or explain?</source>
        <translation>请说明已更正或补充的内容：</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Approve (A)</source>
        <translation>通过 (A)</translation>
    </message>
    <message>
        <source>Return… (R)</source>
        <translation>退回… (R)</translation>
    </message>
    <message>
        <source>Details… (Enter)</source>
        <translation>详情… (Enter)</translation>
    </message>
    <message>
        <source>Undo last decision (Ctrl+Z)</source>
        <translation>撤销上一审核 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo “{decision}” (not yet synced)</source>
        <translation>撤销“{decision}”（尚未同步）</translation>
    </message>
    <message>
        <source>Nothing to undo, or the last decision has synced</source>
        <translation>没有可撤销的审核，或上一审核已同步</translation>
    </message>
    <message>
        <source>Approve patrol</source>
        <translation>通过巡查</translation>
    </message>
    <message>
        <source>This patrol holds {n} 不达标 inspection(s) still to review. Approving the patrol approves them too. Approve?</source>
        <translation>这次巡查中有 {n} 条不达标的检查尚未审核。通过巡查会将它们一并通过。确定通过？</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>A sync is running. Undo once it has finished, if the decision has not been sent by then.</source>
        <translation>正在同步。请在同步结束后再撤销（如果该决定那时还未发送）。</translation>
    </message>
</context>
<context>
    <name>ReviewDetailDialog</name>
    <message>
        <source>Inspection details</source>
        <translation>检查详情</translation>
    </message>
    <message>
        <source>八乱 check details</source>
        <translation>八乱检查详情</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <source>compliant</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not compliant</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>{n} photo(s)</source>
        <translation>照片 {n} 张</translation>
    </message>
    <message>
        <source>Inspected by {officer} at {time}</source>
        <translation>检查人 {officer}，时间 {time}</translation>
    </message>
    <message>
        <source>Score: {score} · {verdict}</source>
        <translation>得分：{score} · {verdict}</translation>
    </message>
    <message>
        <source>知晓:</source>
        <translation>知晓：</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>审核：</translation>
    </message>
    <message>
        <source>Overall note:</source>
        <translation>总体备注：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处置过程</translation>
    </message>
    <message>
        <source>Found by {officer} at {time}</source>
        <translation>发现人 {officer}，时间 {time}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This photo is not on this laptop yet (sync to fetch it).</source>
        <translation>这张照片还不在本机上（同步后即可查看）。</translation>
    </message>
</context>
<context>
    <name>ReviewTree</name>
    <message>
        <source>Patrol / unit</source>
        <translation>巡查 / 单位</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Patrol {start}–{end} · {roads}</source>
        <translation>巡查 {start}–{end} · {roads}</translation>
    </message>
    <message>
        <source>{visited}/{assigned} segments · {km:.1f} km</source>
        <translation>路段 {visited}/{assigned} · {km:.1f} 公里</translation>
    </message>
    <message>
        <source>compliant</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not compliant</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>八乱: {category} · {place}</source>
        <translation>八乱：{category} · {place}</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Daily report…</source>
        <translation>日报…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>巡查</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>路段覆盖</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查（不达标）</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>↑↓ move · Tab officers/records · A approve · R return with comment · Enter details · Ctrl+Z undo · Ctrl+P daily report</source>
        <translation>↑↓ 移动 · Tab 切换队员/记录 · A 通过 · R 退回并填写意见 · Enter 详情 · Ctrl+Z 撤销 · Ctrl+P 日报</translation>
    </message>
    <message>
        <source>Review: A approve, R return with a comment, Enter details, Ctrl+Z undo the last decision until it syncs, ↑↓ move, Tab switch lists, Ctrl+P daily report</source>
        <translation>审核：A 通过，R 退回并填写意见，Enter 详情，Ctrl+Z 撤销上一审核（同步前），↑↓ 移动，Tab 切换列表，Ctrl+P 日报</translation>
    </message>
    <message>
        <source>{officers} officers · {patrols} patrols · {inspections} inspections · {pending} to review</source>
        <translation>{officers} 名队员 · {patrols} 次巡查 · {inspections} 次检查 · 待审 {pending} 项</translation>
    </message>
</context>
<context>
    <name>RightsDialog</name>
    <message>
        <source>Rights, review bodies and courts by district</source>
        <translation>各区县权利告知、复议机关与管辖法院</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Review body</source>
        <translation>复议机关</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>诉讼法院</translation>
    </message>
    <message>
        <source>Periods (hearing · review · litigation)</source>
        <translation>期限（申辩·复议·诉讼）</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Empty: the squad that issues the document</source>
        <translation>留空：由出具文书的中队受理</translation>
    </message>
    <message>
        <source>I have confirmed the issuing body, review body and court with the bureau</source>
        <translation>已向局法制部门核实作出机关、复议机关和管辖法院</translation>
    </message>
    <message>
        <source>Save this district</source>
        <translation>保存本区县</translation>
    </message>
    <message>
        <source>Restore the shipped entry</source>
        <translation>恢复出厂默认</translation>
    </message>
    <message>
        <source>Issuing authority</source>
        <translation>作出机关</translation>
    </message>
    <message>
        <source>Review body (复议机关)</source>
        <translation>复议机关</translation>
    </message>
    <message>
        <source>Court (诉讼)</source>
        <translation>诉讼法院</translation>
    </message>
    <message>
        <source>Place of 陈述、申辩</source>
        <translation>陈述、申辩地点</translation>
    </message>
    <message>
        <source>陈述申辩 days</source>
        <translation>陈述申辩（日）</translation>
    </message>
    <message>
        <source>复议 days</source>
        <translation>复议（日）</translation>
    </message>
    <message>
        <source>诉讼 months</source>
        <translation>诉讼（月）</translation>
    </message>
    <message>
        <source>复议、诉讼期间不停止执行 is printed on:</source>
        <translation>印制“复议、诉讼期间不停止执行”的文书：</translation>
    </message>
    <message>
        <source>court</source>
        <translation>管辖法院</translation>
    </message>
    <message>
        <source>issuing authority</source>
        <translation>作出机关</translation>
    </message>
    <message>
        <source>review body</source>
        <translation>复议机关</translation>
    </message>
    <message>
        <source>{h} d · {r} d · {m} months</source>
        <translation>{h}日·{r}日·{m}个月</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>出厂默认</translation>
    </message>
    <message>
        <source>To confirm with the bureau: {what}</source>
        <translation>待确认（须向局法制部门核实）：{what}</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Sign in at the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>Your squad&apos;s data is downloaded to this computer; this takes a few minutes.</source>
        <translation>将把本中队的数据下载到这台电脑，需要几分钟。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>{n} pixels</source>
        <translation>{n} 像素</translation>
    </message>
    <message>
        <source>{size} (default)</source>
        <translation>{size}（默认）</translation>
    </message>
    <message>
        <source>Long side of the stamped evidence photo; the original file is always kept too.</source>
        <translation>加盖水印的取证照片长边尺寸；原始照片文件始终另行保存。</translation>
    </message>
    <message>
        <source>Evidence photo size (long side)</source>
        <translation>取证照片尺寸（长边）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Lock the screen after no use for</source>
        <translation>无操作自动锁屏时间</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Officers are warned before a 首违不罚 notice when the city-wide offence index is older than this. Only an administrator changes it.</source>
        <translation>全市违法记录索引超过此天数未更新时，执法队员开具首违不罚告知书前会收到提醒。只有管理员可以修改。</translation>
    </message>
    <message>
        <source>Warn when the city-wide offence index is older than</source>
        <translation>全市违法记录超过以下天数未更新时提醒</translation>
    </message>
    <message>
        <source>Daily backup folder</source>
        <translation>每日备份文件夹</translation>
    </message>
    <message>
        <source>https://sync.example:8765 (empty: this laptop does not sync)</source>
        <translation>https://sync.example:8765（留空：本机不同步）</translation>
    </message>
    <message>
        <source>Sync server address</source>
        <translation>同步服务器地址</translation>
    </message>
    <message>
        <source>Base map…</source>
        <translation>底图设置…</translation>
    </message>
    <message>
        <source>Map tiles</source>
        <translation>地图底图</translation>
    </message>
    <message>
        <source>offline file and cache only</source>
        <translation>只用离线文件和已缓存的底图</translation>
    </message>
    <message>
        <source>天地图</source>
        <translation>天地图</translation>
    </message>
    <message>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <source>custom address</source>
        <translation>自定义地址</translation>
    </message>
    <message>
        <source> (key set)</source>
        <translation>（已设置密钥）</translation>
    </message>
    <message>
        <source> (no key yet)</source>
        <translation>（尚未设置密钥）</translation>
    </message>
    <message>
        <source>; office file {name}</source>
        <translation>；离线底图文件 {name}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Document font (licensed FangSong, TrueType)</source>
        <translation>文书字体（已授权的仿宋 TrueType 字体）</translation>
    </message>
    <message>
        <source>Built-in FangSong face (Fandol Fang)</source>
        <translation>内置仿宋字体（Fandol 仿宋）</translation>
    </message>
    <message>
        <source>Document font</source>
        <translation>文书字体</translation>
    </message>
    <message>
        <source>Fonts for rare characters</source>
        <translation>生僻字字体</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign: {title}</source>
        <translation>签名：{title}</translation>
    </message>
    <message>
        <source>Party: sign here</source>
        <translation>当事人：请在此签名</translation>
    </message>
    <message>
        <source>Officer 1</source>
        <translation>执法人员一</translation>
    </message>
    <message>
        <source>Officer 2</source>
        <translation>执法人员二</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>The party refuses to sign (拒签)</source>
        <translation>当事人拒绝签名（拒签）</translation>
    </message>
    <message>
        <source>What the party said</source>
        <translation>当事人陈述的理由</translation>
    </message>
    <message>
        <source>Witness (name, e.g. a 居委会 member) or video file number</source>
        <translation>见证人（如居委会工作人员）姓名，或执法记录仪文件编号</translation>
    </message>
    <message>
        <source>Optional: the party&apos;s pledge, in their words</source>
        <translation>可选：当事人承诺（当事人原话）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Mobile number or e-mail for 电子送达; leave empty if the party does not consent</source>
        <translation>电子送达用的手机号或电子邮箱；当事人不同意电子送达的留空</translation>
    </message>
    <message>
        <source>Electronic address</source>
        <translation>电子送达地址</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>开具</translation>
    </message>
</context>
<context>
    <name>SignerPad</name>
    <message>
        <source>Sign again</source>
        <translation>重签</translation>
    </message>
    <message>
        <source>Clear this signature and sign once more</source>
        <translation>清除这一签名，重新签写</translation>
    </message>
    <message>
        <source>{role}: {name}</source>
        <translation>{role}：{name}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Today&apos;s backup was not made: {reason}</source>
        <translation>今日备份未完成：{reason}</translation>
    </message>
</context>
<context>
    <name>SyncBadgeWidget</name>
    <message>
        <source>Sync status — click to open the sync page</source>
        <translation>同步状态——点击打开同步页面</translation>
    </message>
    <message>
        <source>⟳ syncing…</source>
        <translation>⟳ 正在同步…</translation>
    </message>
    <message>
        <source>○ offline · {n} waiting</source>
        <translation>○ 离线 · {n} 项待同步</translation>
    </message>
    <message>
        <source>⚠ sync problem · {n} waiting</source>
        <translation>⚠ 同步有问题 · {n} 项待同步</translation>
    </message>
    <message>
        <source>⇅ {n} waiting</source>
        <translation>⇅ {n} 项待同步</translation>
    </message>
    <message>
        <source>✓ synced</source>
        <translation>✓ 已同步</translation>
    </message>
    <message>
        <source> · {n} conflicts</source>
        <translation> · {n} 个冲突</translation>
    </message>
</context>
<context>
    <name>SyncReasons</name>
    <message>
        <source>The server refused the value of {field}: it breaks the same rules this app checks (type, allowed values, check digit). Open the record, correct it and save it again.</source>
        <translation>服务器拒收了“{field}”的值：它不符合本软件同样检查的规则（类型、可选值、校验位）。请打开该记录改正后重新保存。</translation>
    </message>
    <message>
        <source>The server does not know the field {field}: this laptop&apos;s app version does not match the server&apos;s. Ask the administrator to update the app.</source>
        <translation>服务器不认识字段“{field}”：本机软件版本与服务器不一致。请联系系统管理员更新软件。</translation>
    </message>
    <message>
        <source>{field} is missing: a new record needs it. Open the record, fill it in and save it again.</source>
        <translation>缺少“{field}”：新记录必须填写此项。请打开该记录补填后重新保存。</translation>
    </message>
    <message>
        <source>{field} is too large for the server. Shorten the text (or use fewer photos) and save again.</source>
        <translation>“{field}”过长，服务器不接收。请缩短文字（或减少照片）后重新保存。</translation>
    </message>
    <message>
        <source>{field} points to a record of another squad: a record may only refer to your own squad&apos;s.</source>
        <translation>“{field}”指向其他中队的记录：记录只能关联本中队的记录。</translation>
    </message>
    <message>
        <source>This change is too large for the server (at most 64 KB): shorten long texts and save again.</source>
        <translation>该项更改过大，服务器不接收（每项更改最多 64 KB）。请缩短较长的文字后重新保存。</translation>
    </message>
    <message>
        <source>The change&apos;s time</source>
        <translation>更改时间</translation>
    </message>
    <message>
        <source>Squad</source>
        <translation>中队</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>The party&apos;s ID number</source>
        <translation>当事人身份证号</translation>
    </message>
    <message>
        <source>The party&apos;s unified social credit code</source>
        <translation>当事人统一社会信用代码</translation>
    </message>
    <message>
        <source>The party&apos;s phone</source>
        <translation>当事人电话</translation>
    </message>
    <message>
        <source>{party} ({item}): the server found that the party has a prior offence of the same kind {where}; the decision went to 法制审核. Issue nothing more for it until the reviewer decides.</source>
        <translation>{party}（{item}）：服务器查到当事人{where}有同类违法记录，已转法制审核。审核结果出来前，请勿再为此案制发文书。</translation>
    </message>
    <message>
        <source>{party} ({item}): 法制审核 approved your decision despite the prior offence {where}.</source>
        <translation>{party}（{item}）：当事人{where}有同类违法记录，法制审核仍同意原决定。</translation>
    </message>
    <message>
        <source>{party} ({item}): 法制审核 returned your decision because of the prior offence {where}: {opinion}</source>
        <translation>{party}（{item}）：因当事人{where}有同类违法记录，法制审核退回原决定：{opinion}</translation>
    </message>
    <message>
        <source>on {date} in {squad} ({number})</source>
        <translation>于{date}在{squad}（{number}）</translation>
    </message>
    <message>
        <source>on {date} in {squad}</source>
        <translation>于{date}在{squad}</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <source>门前五包 inspection</source>
        <translation>门前五包检查</translation>
    </message>
    <message>
        <source>八乱 check</source>
        <translation>八乱检查</translation>
    </message>
    <message>
        <source>八乱 step</source>
        <translation>八乱处置</translation>
    </message>
    <message>
        <source>violation</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>conflict decision</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>work order step</source>
        <translation>工单环节</translation>
    </message>
    <message>
        <source>voided number</source>
        <translation>作废文书号</translation>
    </message>
    <message>
        <source>法制审核</source>
        <translation>法制审核</translation>
    </message>
    <message>
        <source>公示 record</source>
        <translation>公示记录</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>will retry</source>
        <translation>将重试</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The record belongs to another squad.</source>
        <translation>该记录属于其他中队。</translation>
    </message>
    <message>
        <source>Your role may not change this kind of record.</source>
        <translation>您的角色无权修改此类记录。</translation>
    </message>
    <message>
        <source>Only a duty supervisor may approve or return.</source>
        <translation>只有值班领导可以审核通过或退回。</translation>
    </message>
    <message>
        <source>The record is final (issued or submitted): make a correction instead.</source>
        <translation>该记录已定稿（已开具或已提交），请另行更正。</translation>
    </message>
    <message>
        <source>Its status changed on another laptop; this step no longer applies.</source>
        <translation>其状态已在其他电脑上改变，此操作不再适用。</translation>
    </message>
    <message>
        <source>The document number is outside this laptop&apos;s number block.</source>
        <translation>文书编号不在本机领取的号段内。</translation>
    </message>
    <message>
        <source>Another document already has this number.</source>
        <translation>该编号已被其他文书使用。</translation>
    </message>
    <message>
        <source>An attachment has not reached the server yet.</source>
        <translation>附件尚未上传到服务器。</translation>
    </message>
    <message>
        <source>The server does not have this record (its creation was refused).</source>
        <translation>服务器上没有这条记录（其新建被拒绝）。</translation>
    </message>
    <message>
        <source>The file is missing on this laptop.</source>
        <translation>本机上缺少该文件。</translation>
    </message>
    <message>
        <source>This laptop already sent a different change under the same change id; this one was not applied. Tell your administrator.</source>
        <translation>本机曾用同一变更编号发送过另一项修改，此项修改未被服务器采用。请告知系统管理员。</translation>
    </message>
    <message>
        <source>The document number is neither from this laptop&apos;s number block nor provisional, so the server does not accept it.</source>
        <translation>该文书编号既不属于本机的编号段，也不是临时编号，服务器不予接受。</translation>
    </message>
    <message>
        <source>A value is not one the server accepts.</source>
        <translation>有一项取值服务器不接受。</translation>
    </message>
    <message>
        <source>Only the 法制审核 reviewer (the clerk) decides a review, never on a case of their own.</source>
        <translation>只有法制审核员（内勤）可以作出审核决定，且不能审核本人承办的案件。</translation>
    </message>
    <message>
        <source>A decision returned from 法制审核 needs the reviewer&apos;s written opinion.</source>
        <translation>法制审核退回必须写明审核意见。</translation>
    </message>
    <message>
        <source>This document needs an approved 法制审核 first: send it for review and issue it after approval.</source>
        <translation>此文书须先通过法制审核：请提交审核，审核通过后再制发。</translation>
    </message>
    <message>
        <source>{n} day(s)</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} hour(s)</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} minute(s)</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>This laptop&apos;s clock is {amount} ahead of the server&apos;s: set the system time.</source>
        <translation>本机时钟比服务器快 {amount}，请校准系统时间。</translation>
    </message>
    <message>
        <source>This laptop&apos;s clock is {amount} behind the server&apos;s: set the system time.</source>
        <translation>本机时钟比服务器慢 {amount}，请校准系统时间。</translation>
    </message>
    <message>
        <source>Sign in to the server…</source>
        <translation>登录服务器…</translation>
    </message>
    <message>
        <source>Changes waiting to be sent:</source>
        <translation>待上传的变更：</translation>
    </message>
    <message>
        <source>Attachments waiting:</source>
        <translation>待上传的附件：</translation>
    </message>
    <message>
        <source>Open conflicts:</source>
        <translation>待处理的冲突：</translation>
    </message>
    <message>
        <source>法制审核:</source>
        <translation>法制审核：</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <source>City-wide offence records as of:</source>
        <translation>全市违法记录截至：</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>立即同步 (F5)</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>产生时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No item was refused by the server.</source>
        <translation>没有被服务器拒绝的项目。</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>重试所选</translation>
    </message>
    <message>
        <source>Send the selected changes again as they are.</source>
        <translation>按原样重新发送选中的修改。</translation>
    </message>
    <message>
        <source>Discard selected</source>
        <translation>舍弃所选</translation>
    </message>
    <message>
        <source>Give the selected changes up; the records keep the server&apos;s version.</source>
        <translation>放弃选中的修改，记录保持服务器上的版本。</translation>
    </message>
    <message>
        <source>Items the server refused</source>
        <translation>被服务器拒绝的项目</translation>
    </message>
    <message>
        <source>F5: sync now</source>
        <translation>F5：立即同步</translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation>服务器：{url}</translation>
    </message>
    <message>
        <source>No sync server is set: enter its address in Settings (Ctrl+,).</source>
        <translation>尚未设置同步服务器：请在“设置”（Ctrl+,）中填写地址。</translation>
    </message>
    <message>
        <source>{n} of them by {name}: they are sent once {name} signs in on this laptop while online.</source>
        <translation>其中 {n} 条是{name}的更改：{name}在本机联网登录后才会上传。</translation>
    </message>
    <message>
        <source>{n} ({size})</source>
        <translation>{n} 个（{size}）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>not on this laptop yet (they come with a sync)</source>
        <translation>本机尚未取得（同步时下载）</translation>
    </message>
    <message>
        <source>{why} The record is back to the server&apos;s version: redo the change the allowed way, or discard it.</source>
        <translation>{why}该记录已恢复为服务器上的版本：请按允许的方式重新办理，或舍弃此修改。</translation>
    </message>
    <message>
        <source>{kind}: {name}</source>
        <translation>{kind}：{name}</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>○ offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>changes sent</source>
        <translation>已上传变更</translation>
    </message>
    <message>
        <source>changes received</source>
        <translation>已接收变更</translation>
    </message>
    <message>
        <source>city-wide offence records</source>
        <translation>全市违法记录</translation>
    </message>
    <message>
        <source>Synced: {sent} sent, {got} received.</source>
        <translation>同步完成：上传 {sent} 项，接收 {got} 项。</translation>
    </message>
    <message>
        <source>Sign in to the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>Password of {name} on the sync server:</source>
        <translation>{name} 在同步服务器上的密码：</translation>
    </message>
</context>
<context>
    <name>TileDownloadDialog</name>
    <message>
        <source>Download this area for offline use</source>
        <translation>下载本区域离线底图</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>From zoom level</source>
        <translation>起始缩放级别</translation>
    </message>
    <message>
        <source>To zoom level</source>
        <translation>最高缩放级别</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>{count} tiles, about {mb:.1f} MB</source>
        <translation>{count} 张瓦片，约 {mb:.1f} MB</translation>
    </message>
    <message>
        <source> — too many: zoom in or lower the highest zoom level</source>
        <translation> —— 太多：请放大地图或降低最高缩放级别</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{fetched} tiles downloaded, {skipped} were already saved, {failed} failed.</source>
        <translation>已下载 {fetched} 张，{skipped} 张此前已保存，{failed} 张失败。</translation>
    </message>
    <message>
        <source>Cancelled. The tiles downloaded so far are kept.</source>
        <translation>已取消。已下载的瓦片会保留。</translation>
    </message>
    <message>
        <source>The download stopped. The tiles downloaded so far are kept.</source>
        <translation>下载中断。已下载的瓦片会保留。</translation>
    </message>
</context>
<context>
    <name>TrackSketchWidget</name>
    <message>
        <source>No track recorded</source>
        <translation>没有记录轨迹</translation>
    </message>
</context>
<context>
    <name>UnitDetailWidget</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>责任书</source>
        <translation>责任书</translation>
    </message>
    <message>
        <source>知晓</source>
        <translation>知晓</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Signed on {date} by {signer}</source>
        <translation>{date} 由 {signer} 签订</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签订</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>编辑责任单位</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新建责任单位</translation>
    </message>
    <message>
        <source>Use my current position</source>
        <translation>使用当前位置</translation>
    </message>
    <message>
        <source>The latest GPS position of your open patrol</source>
        <translation>本次巡查最新记录的 GPS 位置</translation>
    </message>
    <message>
        <source>Pick on the map…</source>
        <translation>在地图上选点…</translation>
    </message>
    <message>
        <source>No position recorded yet on this patrol</source>
        <translation>本次巡查尚未记录位置</translation>
    </message>
</context>
<context>
    <name>UnitHistoryWidget</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>waiting for re-check</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>case filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>compliant</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>{n} duties not met</source>
        <translation>{n} 项未达标</translation>
    </message>
    <message>
        <source>门前五包 inspection</source>
        <translation>门前五包检查</translation>
    </message>
    <message>
        <source>八乱: {category}</source>
        <translation>八乱：{category}</translation>
    </message>
    <message>
        <source>(not issued)</source>
        <translation>（未制作）</translation>
    </message>
    <message>
        <source>Violation {item}, notice {number}</source>
        <translation>违法行为 {item}，文书 {number}</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>责任书</source>
        <translation>责任书</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签订</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签订</translation>
    </message>
</context>
<context>
    <name>UnitsView</name>
    <message>
        <source>Search name, address, contact, pinyin initials (e.g. qcl) or credit code</source>
        <translation>搜索名称、地址、联系人、拼音首字母（如 qcl）或信用代码</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <source>New unit (Ctrl+N)</source>
        <translation>新建单位（Ctrl+N）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a unit registry from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入责任单位台账</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export all units to Excel</source>
        <translation>将全部单位导出为 Excel</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>责任书…</source>
        <translation>责任书…</translation>
    </message>
    <message>
        <source>Record the signing of the 门前五包责任书, or print it</source>
        <translation>登记门前五包责任书的签订，或打印责任书</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>共 {n} 个单位</translation>
    </message>
    <message>
        <source>No unit matches “{text}”.
Try part of the name or address, pinyin initials such as qcl for 泉城路, or the credit code.</source>
        <translation>没有与“{text}”匹配的单位。
可以试试名称或地址的一部分、拼音首字母（如 qcl 代表泉城路），或统一社会信用代码。</translation>
    </message>
    <message>
        <source>There are no units yet.
Add one with “New unit” (Ctrl+N), or sync to download your squad&apos;s units.</source>
        <translation>还没有责任单位。
点击“新建单位”（Ctrl+N）添加，或同步以下载本中队的责任单位。</translation>
    </message>
    <message>
        <source>Export units</source>
        <translation>导出责任单位</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported {n} units to {file}</source>
        <translation>已导出 {n} 个单位到 {file}</translation>
    </message>
</context>
<context>
    <name>VerifyFacts</name>
    <message>
        <source>✔ The code matches an issued document. Compare every line below with the paper: any difference means the paper was altered.</source>
        <translation>✔ 二维码与已出具的文书一致。请逐项核对下列内容与纸面是否相同：任何一项不同即说明纸面被篡改。</translation>
    </message>
    <message>
        <source>✘ The code&apos;s content hash differs from the record: this paper is not the original.</source>
        <translation>✘ 二维码中的内容校验值与登记不符：此纸面不是原件。</translation>
    </message>
    <message>
        <source>✘ This document was voided ({reason}).</source>
        <translation>✘ 此文书已作废（{reason}）。</translation>
    </message>
    <message>
        <source>✘ This document was voided and replaced by {number}.</source>
        <translation>✘ 此文书已作废，已由 {number} 取代。</translation>
    </message>
    <message>
        <source>✘ No document with the number {number}.</source>
        <translation>✘ 没有文号为 {number} 的文书。</translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <source>Violation and 首违不罚 decision</source>
        <translation>违法行为与首违不罚判定</translation>
    </message>
    <message>
        <source>Save and issue the notice…</source>
        <translation>保存并开具告知书…</translation>
    </message>
    <message>
        <source>Person (incl. 个体工商户)</source>
        <translation>个人（含个体工商户）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称 / 姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Credit code (USCC)</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source> (legal basis to verify)</source>
        <translation>（法律依据待核实）</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>违法事实</translation>
    </message>
    <message>
        <source>Map…</source>
        <translation>地图选点…</translation>
    </message>
    <message>
        <source>Pick the place on the map</source>
        <translation>在地图上选取位置</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Second officer</source>
        <translation>同行执法人员</translation>
    </message>
    <message>
        <source>Correct by</source>
        <translation>改正期限</translation>
    </message>
    <message>
        <source>Evidence photos</source>
        <translation>证据照片</translation>
    </message>
    <message>
        <source>Conditions confirmed on the spot</source>
        <translation>现场确认的条件</translation>
    </message>
    <message>
        <source>Decide differently (override)</source>
        <translation>改变判定</translation>
    </message>
    <message>
        <source>首违不罚: warning notice</source>
        <translation>首违不罚：开具警示告知书</translation>
    </message>
    <message>
        <source>Not eligible: order to correct and file a case</source>
        <translation>不符合：责令改正并立案</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>理由（记入审计日志）</translation>
    </message>
    <message>
        <source>The legal basis of this row is marked “to verify”: check it against the current official text.</source>
        <translation>该清单项的法律依据标注为“待核实”：请对照现行有效的官方文本核实。</translation>
    </message>
    <message>
        <source>首违不罚 applies: warning notice, correct by the deadline, re-check.</source>
        <translation>符合首违不罚：开具警示告知书，限期改正，到期复查。</translation>
    </message>
    <message>
        <source>Not eligible: order to correct, and the case is filed (立案).</source>
        <translation>不符合首违不罚：责令限期改正，并转立案。</translation>
    </message>
    <message>
        <source>No 首违不罚 decision needed: order to correct and re-check.</source>
        <translation>无需首违不罚判定：责令限期改正并到期复查。</translation>
    </message>
    <message>
        <source>by ID</source>
        <translation>按证件号</translation>
    </message>
    <message>
        <source>by name and address</source>
        <translation>按名称和地址</translation>
    </message>
    <message>
        <source>Earlier, another squad: {day} {code}, {squad} {number} (found {via})</source>
        <translation>其他中队的违法记录：{day} {code}，{squad} {number}（{via}查到）</translation>
    </message>
    <message>
        <source>Earlier: {day} {code} (found {via})</source>
        <translation>此前记录：{day} {code}（{via}匹配）</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void document</source>
        <translation>作废文书</translation>
    </message>
    <message>
        <source>Void {number}? The number stays used and the reason is recorded.</source>
        <translation>作废 {number}？该文号仍视为已使用，作废原因将被记录。</translation>
    </message>
    <message>
        <source>e.g. wrong party name, misprint</source>
        <translation>例如：当事人姓名写错、打印错误</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>WorkOrderActions</name>
    <message>
        <source>Start</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>回复…</translation>
    </message>
    <message>
        <source>Return (退单)…</source>
        <translation>退单…</translation>
    </message>
    <message>
        <source>Return the order</source>
        <translation>退单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>e.g. not 城管&apos;s duty: 住建部门</source>
        <translation>例如：非城管职责，应由住建部门处理</translation>
    </message>
    <message>
        <source>On hold (挂账)…</source>
        <translation>挂账…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处置</translation>
    </message>
    <message>
        <source>Extension…</source>
        <translation>延期申请…</translation>
    </message>
    <message>
        <source>八乱 check…</source>
        <translation>转八乱检查…</translation>
    </message>
    <message>
        <source>Violation…</source>
        <translation>转违法案件…</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派遣…</translation>
    </message>
    <message>
        <source>Approve extension</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <source>Refuse extension…</source>
        <translation>不予延期…</translation>
    </message>
    <message>
        <source>Refuse the extension</source>
        <translation>不予延期</translation>
    </message>
    <message>
        <source>Verify and close</source>
        <translation>核查结案</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>退回重办…</translation>
    </message>
    <message>
        <source>Send back to the handler</source>
        <translation>退回处置人重办</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>需补充的内容</translation>
    </message>
    <message>
        <source>回访…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Dispatch by road</source>
        <translation>按路段派遣</translation>
    </message>
    <message>
        <source>Each order of the list to dispatch goes to the officer who patrols its road most</source>
        <translation>列表中待派遣的工单派给近30天巡查该路段最多的队员</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Put on hold (挂账)</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>Why it cannot be solved now</source>
        <translation>暂不能解决的原因</translation>
    </message>
    <message>
        <source>Look at it again on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <source>Ask for an extension (延期申请)</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <source>Working days more</source>
        <translation>延长工作日</translation>
    </message>
    <message>
        <source>Dispatch {number}</source>
        <translation>派遣工单 {number}</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Suggested: patrols this road most in the last 30 days</source>
        <translation>推荐：近30天巡查该路段最多</translation>
    </message>
    <message>
        <source>{n} dispatched by road; {left} need a dispatch by hand</source>
        <translation>已按路段派遣 {n} 件；{left} 件需人工派遣</translation>
    </message>
    <message>
        <source>回访: what the reporter said</source>
        <translation>回访：反映人的评价</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>WorkOrderBadgeWidget</name>
    <message>
        <source>Work orders — click to open 待办</source>
        <translation>工单 — 点击打开待办</translation>
    </message>
    <message>
        <source>{n} work orders to do</source>
        <translation>{n} 件待办</translation>
    </message>
    <message>
        <source>{n} due today</source>
        <translation>{n} 件今天到期</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 件超期</translation>
    </message>
    <message>
        <source>{n} to dispatch</source>
        <translation>{n} 件待派遣</translation>
    </message>
    <message>
        <source>{n} to verify</source>
        <translation>{n} 件待核查</translation>
    </message>
    <message>
        <source>{n} extension requests</source>
        <translation>{n} 件延期申请</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>WorkOrderImportDialog</name>
    <message>
        <source>Import work orders</source>
        <translation>导入工单</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Source when the file does not say</source>
        <translation>文件未注明来源时按</translation>
    </message>
    <message>
        <source>An .xlsx or .csv export of 12345 or 数字城管: one order a row.</source>
        <translation>12345 或数字城管导出的 .xlsx / .csv 文件，每行一件工单。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新工单</translation>
    </message>
    <message>
        <source>already received — left out</source>
        <translation>已受理过，跳过</translation>
    </message>
    <message>
        <source>{new} new orders, {dup} already received, {bad} rows to correct (left out)</source>
        <translation>新工单 {new} 件，已受理 {dup} 件，{bad} 行需更正（不导入）</translation>
    </message>
</context>
<context>
    <name>WorkOrderIndicatorsWidget</name>
    <message>
        <source>Calculate</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>received from</source>
        <translation>受理日期自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应办结</translation>
    </message>
    <message>
        <source>办结率</source>
        <translation>办结率</translation>
    </message>
    <message>
        <source>按期办结率</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Avg. hours</source>
        <translation>平均办理(小时)</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Due = orders received in the period that are closed or past their deadline (挂账 left out) · 办结率 = closed ÷ due · 按期办结率 = replied by the deadline (as extended) and closed ÷ due · 满意度 = 满意 and 基本满意 ÷ reporters who answered the 回访 · overdue now counts every open order</source>
        <translation>应办结 = 期间受理且已办结或已过处置时限的工单（挂账不计）· 办结率 = 已办结 ÷ 应办结 · 按期办结率 = 在时限（含批准延期）内回复并结案 ÷ 应办结 · 满意度 = 满意与基本满意 ÷ 回访有效答复 · 当前超期统计全部未办结工单</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>not dispatched yet</source>
        <translation>未派遣</translation>
    </message>
</context>
<context>
    <name>WorkOrdersView</name>
    <message>
        <source>Number, place or words (Ctrl+F)</source>
        <translation>工单号、地点或内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处置人</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>反映内容</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Show number</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} 件</translation>
    </message>
    <message>
        <source>{n} orders, the first {shown} listed</source>
        <translation>{n} 件，列出前 {shown} 件</translation>
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
        <source>overdue {span}</source>
        <translation>超时 {span}</translation>
    </message>
    <message>
        <source>Choose an order in the list.</source>
        <translation>请在列表中选择工单。</translation>
    </message>
    <message>
        <source> — estimated: the holiday calendar of that year is not loaded</source>
        <translation> — 估算：该年度节假日安排尚未载入</translation>
    </message>
    <message>
        <source>回访: {answer}</source>
        <translation>回访：{answer}</translation>
    </message>
    <message>
        <source>八乱 check ({status})</source>
        <translation>八乱检查（{status}）</translation>
    </message>
    <message>
        <source>violation: {party}</source>
        <translation>违法案件：{party}</translation>
    </message>
    <message>
        <source>Export work orders</source>
        <translation>导出工单</translation>
    </message>
    <message>
        <source>Exported {n} orders</source>
        <translation>已导出 {n} 件工单</translation>
    </message>
    <message>
        <source>待办: Ctrl+F searches the orders</source>
        <translation>待办：Ctrl+F 搜索工单</translation>
    </message>
</context>
<context>
    <name>disorders</name>
    <message>
        <source>found</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>being handled</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>filed as a case</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <source>Corrected on the spot after persuasion</source>
        <translation>当场劝导整改</translation>
    </message>
    <message>
        <source>Correct by a deadline</source>
        <translation>限期整改</translation>
    </message>
    <message>
        <source>Warning notice / 首违不罚</source>
        <translation>警示告知 / 首违不罚</translation>
    </message>
    <message>
        <source>File a case (立案)</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Transfer to another department</source>
        <translation>移交其他部门</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Reinstall the app or ask the administrator for a corrected catalog file.</source>
        <translation>请重新安装程序，或向管理员索取更正后的目录文件。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the field &apos;{field}&apos; is missing.</source>
        <translation>目录文件 {file}，{where}：缺少字段“{field}”。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the field &apos;{field}&apos; should be {expected}, but is {actual!r}.</source>
        <translation>目录文件 {file}，{where}：字段“{field}”应为 {expected}，实际为 {actual!r}。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the field &apos;{field}&apos; is empty.</source>
        <translation>目录文件 {file}，{where}：字段“{field}”为空。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the list &apos;{field}&apos; should hold only text, but holds {actual!r}.</source>
        <translation>目录文件 {file}，{where}：列表“{field}”只能包含文字，但其中有 {actual!r}。</translation>
    </message>
    <message>
        <source>The catalog file {file} is missing.</source>
        <translation>缺少目录文件 {file}。</translation>
    </message>
    <message>
        <source>Reinstall the app or ask the administrator for it.</source>
        <translation>请重新安装程序，或向管理员索取该文件。</translation>
    </message>
    <message>
        <source>The catalog file {file} is not valid JSON ({detail}).</source>
        <translation>目录文件 {file} 不是有效的 JSON（{detail}）。</translation>
    </message>
    <message>
        <source>Reinstall the app or ask the administrator for a corrected file.</source>
        <translation>请重新安装程序，或向管理员索取更正后的文件。</translation>
    </message>
    <message>
        <source>The catalog file {file} does not hold a catalog object.</source>
        <translation>目录文件 {file} 的内容不是目录对象。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: not an object.</source>
        <translation>目录文件 {file}，{where}：不是对象。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the code is used twice.</source>
        <translation>目录文件 {file}，{where}：编码重复。</translation>
    </message>
    <message>
        <source>Catalog file {file} has no rows.</source>
        <translation>目录文件 {file} 没有任何条目。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: penalty_mode {actual!r} is not one of {expected}.</source>
        <translation>目录文件 {file}，{where}：penalty_mode 值 {actual!r} 不在 {expected} 之中。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: rectify_days must be 0 or more and lookback_days more than 0.</source>
        <translation>目录文件 {file}，{where}：rectify_days 不能小于 0，lookback_days 必须大于 0。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the correction &apos;{field}&apos; {detail}: {actual!r}.</source>
        <translation>清单文件 {file}，{where}：改正要求“{field}”{detail}：{actual!r}。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the list &apos;{field}&apos; is empty.</source>
        <translation>清单文件 {file}，{where}：列表“{field}”为空。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the provision {actual!r} in &apos;{field}&apos; {detail}.</source>
        <translation>清单文件 {file}，{where}：“{field}”中的条款 {actual!r} {detail}。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: an event code has 4 digits, not {actual!r}.</source>
        <translation>目录文件 {file}，{where}：事件编码应为 4 位数字，而不是 {actual!r}。</translation>
    </message>
    <message>
        <source>Catalog file disorders.json, {where}: event code {code} is not in event_codes.json.</source>
        <translation>目录文件 disorders.json，{where}：事件编码 {code} 不在 event_codes.json 中。</translation>
    </message>
    <message>
        <source>Catalog file disorders.json, {where}: first-offence row {code} is not in first_offence.json.</source>
        <translation>目录文件 disorders.json，{where}：首违不罚条目 {code} 不在 first_offence.json 中。</translation>
    </message>
    <message>
        <source>Catalog file responsibilities.json, {where}: 八乱 category {code} is not in disorders.json.</source>
        <translation>目录文件 responsibilities.json，{where}：八乱类别 {code} 不在 disorders.json 中。</translation>
    </message>
    <message>
        <source>Catalog file responsibilities.json must list the five duties, not {n}.</source>
        <translation>目录文件 responsibilities.json 必须列出门前五包的五项责任，而不是 {n} 项。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; you typed {length}. Check the card and type it again.</source>
        <translation>身份证号共 18 位，您输入了 {length} 位。请核对证件后重新输入。</translation>
    </message>
    <message>
        <source>Character {position} of the ID number is {char}, but the first 17 characters are digits (only the last one may be X). Check the card and type it again.</source>
        <translation>身份证号第 {position} 位是 {char}，但前 17 位都应是数字（只有最后一位可以是 X）。请核对证件后重新输入。</translation>
    </message>
    <message>
        <source>The last character of an ID number is a digit or X, not {char}. Check the card and type it again.</source>
        <translation>身份证号最后一位应是数字或 X，不能是 {char}。请核对证件后重新输入。</translation>
    </message>
    <message>
        <source>Characters 7-14 of an ID number are the birth date; {text} is not a date. Check the card and type it again.</source>
        <translation>身份证号第 7–14 位是出生日期，{text} 不是有效日期。请核对证件后重新输入。</translation>
    </message>
    <message>
        <source>The birth date {born} in this ID number is impossible. Check the card and type it again.</source>
        <translation>该身份证号中的出生日期 {born} 不可能成立。请核对证件后重新输入。</translation>
    </message>
    <message>
        <source>The ID number&apos;s last character should be {expected}, not {actual}: a digit is probably mistyped. Check the card and type it again.</source>
        <translation>身份证号最后一位应为 {expected}，而不是 {actual}，可能有数字输错。请核对证件后重新输入。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters (you typed {length}). Copy it from the business licence.</source>
        <translation>统一社会信用代码为 18 位（您输入了 {length} 位）。请照营业执照抄录。</translation>
    </message>
    <message>
        <source>A unified social credit code cannot contain {chars} (I, O, S, V and Z are never used). Copy it from the business licence.</source>
        <translation>统一社会信用代码中不能出现 {chars}（不使用 I、O、S、V、Z）。请照营业执照抄录。</translation>
    </message>
    <message>
        <source>The unified social credit code&apos;s last character should be {expected}, not {actual}: a character is probably mistyped. Copy it from the business licence.</source>
        <translation>统一社会信用代码最后一位应为 {expected}，而不是 {actual}，可能有字符输错。请照营业执照抄录。</translation>
    </message>
    <message>
        <source>{value} is not a mainland mobile number: it has 11 digits and starts with 13-19.</source>
        <translation>{value} 不是大陆手机号码：手机号为 11 位，以 13–19 开头。</translation>
    </message>
    <message>
        <source>{value} is not a phone number: type an 11-digit mobile number or a landline with its area code, e.g. 0531-86001234.</source>
        <translation>{value} 不是有效的电话号码：请输入 11 位手机号，或带区号的固定电话，如 0531-86001234。</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Too many wrong passwords for {user}. Try again in {seconds} seconds.</source>
        <translation>{user} 的密码错误次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>Wrong user name or password, five times in a row. Signing in as {user} is locked for one minute.</source>
        <translation>用户名或密码已连续错误五次，{user} 的登录已锁定一分钟。</translation>
    </message>
    <message>
        <source>Wrong user name or password. Check Caps Lock and the input method; {left} tries left before a one-minute lock.</source>
        <translation>用户名或密码错误。请检查大写锁定和输入法；再错 {left} 次将锁定一分钟。</translation>
    </message>
    <message>
        <source>The profile in {path} already holds data.</source>
        <translation>{path} 中的档案已有数据。</translation>
    </message>
    <message>
        <source>Choose an empty folder for the demo profile.</source>
        <translation>请为演示档案选择一个空文件夹。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this ({action}).</source>
        <translation>您的角色（{role}）无权执行此操作（{action}）。</translation>
    </message>
    <message>
        <source>Ask your supervisor or an administrator.</source>
        <translation>请联系值班长或系统管理员。</translation>
    </message>
    <message>
        <source>The data file {path} is not an inspector database.</source>
        <translation>数据文件 {path} 不是本程序的数据库。</translation>
    </message>
    <message>
        <source>It was left untouched. Choose another data folder with --data-dir, or move the file away and restore a backup.</source>
        <translation>该文件未被改动。请用 --data-dir 选择其他数据文件夹，或将该文件移走后恢复备份。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}).</source>
        <translation>数据库 {path} 已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>It was left untouched. Restore the newest copy from the backups folder next to it, or ask the administrator for help.</source>
        <translation>该文件未被改动。请从旁边的 backups 文件夹恢复最新的备份，或联系系统管理员。</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of the app (schema {found}; this version understands up to {supported}).</source>
        <translation>数据库 {path} 由更新版本的程序创建（结构版本 {found}；本版本最高支持 {supported}）。</translation>
    </message>
    <message>
        <source>It was left untouched. Install the newest version of the app to open it.</source>
        <translation>该文件未被改动。请安装最新版本的程序后再打开。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written to.</source>
        <translation>无法写入数据文件夹 {path}。</translation>
    </message>
    <message>
        <source>Nothing was changed. Check the folder&apos;s permissions and free disk space, or start the app with --data-dir pointing to a writable folder.</source>
        <translation>未做任何改动。请检查文件夹权限和磁盘剩余空间，或用 --data-dir 指定一个可写的文件夹启动程序。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be read.</source>
        <translation>无法读取数据文件夹 {path}。</translation>
    </message>
    <message>
        <source>Nothing was changed. Check the folder&apos;s permissions, or start the app with --data-dir pointing to your own folder.</source>
        <translation>未做任何改动。请检查文件夹权限，或用 --data-dir 指定您自己的文件夹启动程序。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation>{path} 所在的磁盘已满。</translation>
    </message>
    <message>
        <source>Nothing was changed. Free some space on it (delete old exports or copies, empty the recycle bin), or choose another folder, then try again.</source>
        <translation>没有做任何改动。请腾出磁盘空间（删除旧的导出文件或副本、清空回收站），或选择其他文件夹，然后重试。</translation>
    </message>
    <message>
        <source>It was left untouched. Restore a copy from the backups folder (inspector-app restore), or copy out what can still be read (inspector-app salvage); or start the app with --data-dir pointing to another folder.</source>
        <translation>该文件未被改动。请从备份文件夹恢复一份副本（inspector-app restore），或抢救仍可读取的数据（inspector-app salvage）；也可以用 --data-dir 指定另一个文件夹启动。</translation>
    </message>
    <message>
        <source>The data file {path} is empty (0 bytes): the profile&apos;s records are not in it.</source>
        <translation>数据文件 {path} 是空的（0 字节），其中没有本机的记录。</translation>
    </message>
    <message>
        <source>The data file {path} is a database of another program, not of this app.</source>
        <translation>数据文件 {path} 是其他程序的数据库，不是本应用的。</translation>
    </message>
    <message>
        <source>The database {path} is damaged. To keep new records out of a damaged file, nothing more is saved.</source>
        <translation>数据库 {path} 已损坏。为免新记录写入损坏的文件，现在起不再保存任何内容。</translation>
    </message>
    <message>
        <source>No backup was made: the database {path} is damaged, and a copy of it would be damaged too.</source>
        <translation>未做备份：数据库 {path} 已损坏，复制出来的备份也会是坏的。</translation>
    </message>
    <message>
        <source>Your records can still be viewed. Restore the newest backup or salvage the readable records (the app offers both), then sign in again.</source>
        <translation>已有记录仍可查看。请从最新备份恢复，或抢救可读出的记录（本应用提供这两种方式），然后重新登录。</translation>
    </message>
    <message>
        <source>The earlier backups were kept. Restore the newest of them or salvage the readable records.</source>
        <translation>以前的备份都已保留。请从其中最新的一份恢复，或抢救可读出的记录。</translation>
    </message>
    <message>
        <source>The {entity} record {id} does not exist any more.</source>
        <translation>{entity} 记录 {id} 已不存在。</translation>
    </message>
    <message>
        <source>Refresh the list; it may have been deleted.</source>
        <translation>请刷新列表，该记录可能已被删除。</translation>
    </message>
    <message>
        <source>Backups cannot be written to the folder {path}.</source>
        <translation>无法写入备份文件夹 {path}。</translation>
    </message>
    <message>
        <source>Choose a folder you may write to, on this computer or on a drive that is plugged in.</source>
        <translation>请选择有写入权限的文件夹：本机磁盘上的，或已插好的移动硬盘/U盘上的。</translation>
    </message>
    <message>
        <source>The backup folder {path} is not a full path.</source>
        <translation>备份文件夹 {path} 不是完整路径。</translation>
    </message>
    <message>
        <source>Choose the folder with the Choose… button.</source>
        <translation>请用“选择…”按钮选择文件夹。</translation>
    </message>
    <message>
        <source>The backup file {path} cannot be read.</source>
        <translation>无法读取备份文件 {path}。</translation>
    </message>
    <message>
        <source>Check the path and choose another backup.</source>
        <translation>请检查路径，或选择其他备份。</translation>
    </message>
    <message>
        <source>Nothing was added. Choose another photo or take the picture again.</source>
        <translation>未添加任何内容。请选择其他照片或重新拍摄。</translation>
    </message>
    <message>
        <source>The photo {name} has {width}×{height} pixels ({mpx} million); evidence photos may have at most {limit} million.</source>
        <translation>照片 {name} 有 {width}×{height} 像素（约 {mpx} 百万像素）；取证照片最多 {limit} 百万像素。</translation>
    </message>
    <message>
        <source>The file {name} cannot be read.</source>
        <translation>无法读取文件 {name}。</translation>
    </message>
    <message>
        <source>The file {name} is {mb} MB; evidence photos may be at most {limit} MB.</source>
        <translation>文件 {name} 大小为 {mb} MB，取证照片最大 {limit} MB。</translation>
    </message>
    <message>
        <source>The file {name} is not a photo (JPEG, PNG, …).</source>
        <translation>文件 {name} 不是照片（JPEG、PNG 等）。</translation>
    </message>
    <message>
        <source>The photo {name} is damaged or incomplete: only part of it is in the file (it may not have been copied completely from the camera or phone).</source>
        <translation>照片 {name} 已损坏或不完整：文件中只有照片的一部分（可能没有从相机或手机完整复制过来）。</translation>
    </message>
    <message>
        <source>The photo {name} has too many pixels to be a field photo.</source>
        <translation>照片 {name} 像素过多，不像现场照片。</translation>
    </message>
    <message>
        <source>The unit was deleted; the inspection was kept as a draft.</source>
        <translation>该单位已被删除；检查内容已保留为草稿。</translation>
    </message>
    <message>
        <source>That inspection no longer exists.</source>
        <translation>该检查记录已不存在。</translation>
    </message>
    <message>
        <source>Only the officer who inspected can correct it.</source>
        <translation>只有实施检查的队员才能更正该记录。</translation>
    </message>
    <message>
        <source>Only an inspection the supervisor returned can be corrected; this one is {status}.</source>
        <translation>只有被值班长退回的检查记录才能更正；该记录状态为“{status}”。</translation>
    </message>
    <message>
        <source>You already have a patrol open since {started}; end it first.</source>
        <translation>您已有一次自 {started} 开始的巡查尚未结束，请先结束。</translation>
    </message>
    <message>
        <source>Choose at least one road segment for the patrol.</source>
        <translation>请至少选择一个巡查路段。</translation>
    </message>
    <message>
        <source>The second officer must be another member of your squad.</source>
        <translation>同行执法人员须是本中队的另一名队员。</translation>
    </message>
    <message>
        <source>The position {lat:.5f}, {lon:.5f} is outside Jinan. Check the numbers or pick the place on the map.</source>
        <translation>坐标 {lat:.5f}, {lon:.5f} 不在济南市范围内。请核对数字，或在地图上选点。</translation>
    </message>
    <message>
        <source>That patrol no longer exists.</source>
        <translation>该巡查记录已不存在。</translation>
    </message>
    <message>
        <source>This patrol has already ended.</source>
        <translation>该巡查已经结束。</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}); swap the dates.</source>
        <translation>统计期结束日期（{end}）早于开始日期（{start}），请调换两个日期。</translation>
    </message>
    <message>
        <source>The file {name} is not text in a known encoding (UTF-8 or GBK).</source>
        <translation>文件 {name} 不是可识别编码（UTF-8 或 GBK）的文本。</translation>
    </message>
    <message>
        <source>Save it from Excel or WPS as .xlsx or as CSV (UTF-8) and try again.</source>
        <translation>请用 Excel 或 WPS 另存为 .xlsx 或 CSV（UTF-8）后重试。</translation>
    </message>
    <message>
        <source>The file {name} is not a spreadsheet this app reads ({kind}).</source>
        <translation>文件 {name} 不是本应用能读取的表格（{kind}）。</translation>
    </message>
    <message>
        <source>Save it from Excel or WPS as .xlsx or .csv and try again.</source>
        <translation>请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后重试。</translation>
    </message>
    <message>
        <source>The file {name} is empty (0 bytes).</source>
        <translation>文件 {name} 是空的（0 字节）。</translation>
    </message>
    <message>
        <source>It was probably not saved or copied completely: open it in Excel or WPS, save it again and try again.</source>
        <translation>它可能没有保存好或没有完整复制：请用 Excel 或 WPS 打开，重新保存后再试。</translation>
    </message>
    <message>
        <source>The file {name} is not an .xlsx workbook, or it is damaged (an old .xls renamed, or a file not copied completely).</source>
        <translation>文件 {name} 不是 .xlsx 工作簿，或已损坏（可能是改了扩展名的旧 .xls 文件，或没有完整复制）。</translation>
    </message>
    <message>
        <source>Open it in Excel or WPS and save it as .xlsx (Excel workbook), then try again.</source>
        <translation>请用 Excel 或 WPS 打开，另存为 .xlsx（Excel 工作簿）后重试。</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>文件 {name} 是空的。</translation>
    </message>
    <message>
        <source>The font file {path} cannot be used for documents ({detail}).</source>
        <translation>字体文件 {path} 不能用于文书（{detail}）。</translation>
    </message>
    <message>
        <source>Choose a TrueType (.ttf) font in the settings, or remove the setting to use the built-in font.</source>
        <translation>请在设置中选择 TrueType（.ttf）字体，或清除该设置以使用内置字体。</translation>
    </message>
    <message>
        <source>That unit no longer exists.</source>
        <translation>该单位已不存在。</translation>
    </message>
    <message>
        <source>A record that is {current} cannot be {target}. Refresh the list: someone may have reviewed it already.</source>
        <translation>状态为“{current}”的记录不能改为“{target}”。请刷新列表：可能已有人审核过。</translation>
    </message>
    <message>
        <source>You can review only your own squad&apos;s work.</source>
        <translation>您只能审核本中队的工作。</translation>
    </message>
    <message>
        <source>Ask that squad&apos;s supervisor, or an administrator.</source>
        <translation>请联系该中队的值班长或系统管理员。</translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>Only the officer who patrolled can resubmit it.</source>
        <translation>只有巡查的队员本人才能重新提交。</translation>
    </message>
    <message>
        <source>A check that is {current} cannot become {target}. Refresh it: its status may have changed on another device.</source>
        <translation>状态为“{current}”的检查不能改为“{target}”。请刷新：状态可能已在其他设备上更改。</translation>
    </message>
    <message>
        <source>That check no longer exists.</source>
        <translation>该检查记录已不存在。</translation>
    </message>
    <message>
        <source>The file {name} is not valid JSON ({detail}).</source>
        <translation>文件 {name} 不是有效的 JSON（{detail}）。</translation>
    </message>
    <message>
        <source>Give the new catalog version a name, e.g. 2027-01.</source>
        <translation>请为新目录版本命名，例如 2027-01。</translation>
    </message>
    <message>
        <source>A catalog version named {version} exists already; choose another name.</source>
        <translation>已有名为 {version} 的目录版本，请换一个名称。</translation>
    </message>
    <message>
        <source>Import the catalog as a version first; the shipped catalog cannot be changed.</source>
        <translation>请先将目录导入为一个版本；内置目录不能修改。</translation>
    </message>
    <message>
        <source>The officer in charge ({name}) has no phone number on record, and every notice must say whom to call.</source>
        <translation>承办人（{name}）没有登记联系电话，而每份文书都必须写明联系方式。</translation>
    </message>
    <message>
        <source>Ask the administrator to add the phone number, then issue it again.</source>
        <translation>请管理员补登联系电话后再出具。</translation>
    </message>
    <message>
        <source>The {title} needs 法制审核 before it is issued ({reasons}).</source>
        <translation>{title}须经法制审核后才能制发（{reasons}）。</translation>
    </message>
    <message>
        <source>Send it for review; it is issued, and numbered, after approval.</source>
        <translation>请提交法制审核；审核通过后才制发并取文号。</translation>
    </message>
    <message>
        <source>The {title} is 待法制审核: it cannot be issued yet.</source>
        <translation>{title}待法制审核，暂不能制发。</translation>
    </message>
    <message>
        <source>Sync, and issue it once the reviewer has approved it.</source>
        <translation>请同步，审核通过后再制发。</translation>
    </message>
    <message>
        <source>The reviewer returned the {title}: {opinion}</source>
        <translation>法制审核退回了{title}：{opinion}</translation>
    </message>
    <message>
        <source>Correct the case as the opinion says, then send it for review again.</source>
        <translation>请按审核意见改正后重新提交法制审核。</translation>
    </message>
    <message>
        <source>That violation no longer exists.</source>
        <translation>该违法记录已不存在。</translation>
    </message>
    <message>
        <source>The {title} needs no new review ({status}).</source>
        <translation>{title}无需重新提交审核（{status}）。</translation>
    </message>
    <message>
        <source>Refresh the list; it may have been reviewed already.</source>
        <translation>请刷新列表，可能已经审核过。</translation>
    </message>
    <message>
        <source>That review no longer exists.</source>
        <translation>该审核事项已不存在。</translation>
    </message>
    <message>
        <source>You handled this case, so you may not review it.</source>
        <translation>您是本案承办人，不能审核本案。</translation>
    </message>
    <message>
        <source>Another reviewer of the squad decides it.</source>
        <translation>请由中队其他法制审核人员审核。</translation>
    </message>
    <message>
        <source>A 不予行政处罚决定书 is issued only for a first offence that was rectified by the deadline.</source>
        <translation>只有按期改正的首违不罚案件才能开具不予行政处罚决定书。</translation>
    </message>
    <message>
        <source>That document no longer exists.</source>
        <translation>该文书已不存在。</translation>
    </message>
    <message>
        <source>This document is already voided or gone.</source>
        <translation>该文书已作废或不存在。</translation>
    </message>
    <message>
        <source>This violation was already re-checked.</source>
        <translation>该违法记录已经复查过。</translation>
    </message>
    <message>
        <source>“{text}” is not a server address.</source>
        <translation>“{text}”不是有效的服务器地址。</translation>
    </message>
    <message>
        <source>Type the address your administrator gave you, for example https://xcjc.jnzf.gov.cn.</source>
        <translation>请输入管理员提供的地址，例如 https://xcjc.jnzf.gov.cn。</translation>
    </message>
    <message>
        <source>This profile already has accounts.</source>
        <translation>此数据目录中已有账号。</translation>
    </message>
    <message>
        <source>Sign in with one of them instead.</source>
        <translation>请直接用已有账号登录。</translation>
    </message>
    <message>
        <source>天地图 needs a key to download tiles.</source>
        <translation>下载天地图底图需要密钥。</translation>
    </message>
    <message>
        <source>Enter the bureau&apos;s 天地图 key under Base map… and try again.</source>
        <translation>请在“底图设置…”中填写局里的天地图密钥后重试。</translation>
    </message>
    <message>
        <source>The tile address &quot;{url}&quot; cannot be used.</source>
        <translation>底图地址“{url}”无法使用。</translation>
    </message>
    <message>
        <source>Write an http:// or https:// address with {{z}}, {{x}} and {{y}} in it (and, if needed, {{s}} and {{key}}), for example https://example.org/tiles/{{z}}/{{x}}/{{y}}.png.</source>
        <translation>请填写以 http:// 或 https:// 开头、含 {{z}}、{{x}}、{{y}} 的地址（需要时可含 {{s}} 和 {{key}}），例如 https://example.org/tiles/{{z}}/{{x}}/{{y}}.png。</translation>
    </message>
    <message>
        <source>No online tile source is set up.</source>
        <translation>还没有设置在线底图来源。</translation>
    </message>
    <message>
        <source>Choose 天地图, OpenStreetMap or an address with {{z}}, {{x}} and {{y}} under Base map….</source>
        <translation>请在“底图设置…”中选择天地图、OpenStreetMap，或填写含 {{z}}、{{x}}、{{y}} 的地址。</translation>
    </message>
    <message>
        <source>This area has {count} tiles, more than the {limit} one download may fetch.</source>
        <translation>该区域共 {count} 张瓦片，超过单次下载上限 {limit} 张。</translation>
    </message>
    <message>
        <source>Zoom in on a smaller area or lower the highest zoom level.</source>
        <translation>请放大到更小的区域，或降低最高缩放级别。</translation>
    </message>
    <message>
        <source>The tile server does not answer ({url}). {fetched} tiles were saved.</source>
        <translation>底图服务器没有响应（{url}）。已保存 {fetched} 张瓦片。</translation>
    </message>
    <message>
        <source>Check the network, the tile address and its key in the settings, and try again; saved tiles are kept.</source>
        <translation>请检查网络、底图地址和密钥后重试；已保存的瓦片会保留。</translation>
    </message>
    <message>
        <source>That conflict no longer exists.</source>
        <translation>该冲突已不存在。</translation>
    </message>
    <message>
        <source>Refresh the list; it may have been resolved.</source>
        <translation>请刷新列表，它可能已被处理。</translation>
    </message>
    <message>
        <source>Another supervisor has already resolved this conflict.</source>
        <translation>其他值班领导已处理了这个冲突。</translation>
    </message>
    <message>
        <source>Refresh the list.</source>
        <translation>请刷新列表。</translation>
    </message>
    <message>
        <source>A deleted record is restored with the edit or stays deleted; there is nothing to merge.</source>
        <translation>已删除的记录只能连同修改一起恢复，或保持删除，无法合并。</translation>
    </message>
    <message>
        <source>The working-day calendar {file} is not usable: {detail}.</source>
        <translation>工作日历文件 {file} 无法使用：{detail}。</translation>
    </message>
    <message>
        <source>Reinstall the app, or rebuild the file with tools/build_work_calendar.py.</source>
        <translation>请重新安装本软件，或用 tools/build_work_calendar.py 重新生成该文件。</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: {detail}.</source>
        <translation>目录文件 {file}，{where}：{detail}。</translation>
    </message>
    <message>
        <source>A work order that is {current} cannot take this step ({step}). Refresh it: it may have changed on another laptop or at the dispatcher.</source>
        <translation>状态为“{current}”的工单不能执行“{step}”。请刷新：该工单可能已在其他电脑或调度员处变更。</translation>
    </message>
    <message>
        <source>This extension request cannot be changed now ({current}). Refresh the order: a supervisor may have decided it already.</source>
        <translation>该延期申请现在不能变更（{current}）。请刷新工单：值班长可能已作出决定。</translation>
    </message>
    <message>
        <source>That work order no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <source>Refresh the list; it may have been withdrawn.</source>
        <translation>请刷新列表，工单可能已被撤回。</translation>
    </message>
    <message>
        <source>This work order is dispatched to {name}, not to you.</source>
        <translation>该工单已派遣给{name}，不是您。</translation>
    </message>
    <message>
        <source>Ask the dispatcher to dispatch it to you if you are to handle it.</source>
        <translation>如需由您处置，请联系调度员改派给您。</translation>
    </message>
    <message>
        <source>That officer is not in the order&apos;s squad.</source>
        <translation>该队员不属于工单所在中队。</translation>
    </message>
    <message>
        <source>Choose an officer of the squad the order belongs to.</source>
        <translation>请选择工单所属中队的队员。</translation>
    </message>
    <message>
        <source>An extension is asked for while the order is being handled.</source>
        <translation>只有处置中的工单才能申请延期。</translation>
    </message>
    <message>
        <source>Refresh the order: it may be replied to or closed already.</source>
        <translation>请刷新工单：可能已回复或已结案。</translation>
    </message>
    <message>
        <source>Only a closed work order is followed up with the reporter.</source>
        <translation>只有已结案的工单才能回访。</translation>
    </message>
    <message>
        <source>Verify and close it first.</source>
        <translation>请先核查结案。</translation>
    </message>
    <message>
        <source>Only the officer handling the order and supervisors see the reporter&apos;s contact.</source>
        <translation>只有处置该工单的队员和值班长可查看反映人联系方式。</translation>
    </message>
    <message>
        <source>The font file {path} cannot be used for documents: {reason}.</source>
        <translation>字体文件 {path} 不能用于文书：{reason}。</translation>
    </message>
    <message>
        <source>Choose a TrueType (.ttf) font that has the characters, or remove it in the settings.</source>
        <translation>请选择含有这些字的 TrueType（.ttf）字体，或在设置中将其移除。</translation>
    </message>
    <message>
        <source>{label}: no document font has the character {char} ({code}), so it would print blank. Type the name as it is registered (business licence or ID card), or add a font that has this character in Settings under “Fonts for rare characters”.</source>
        <translation>{label}中的“{char}”（{code}）没有任何文书字体能打印，印出来会是空白。请按营业执照或身份证上登记的写法填写，或在“设置”的“生僻字字体”中添加含有该字的字体。</translation>
    </message>
    <message>
        <source>The document cannot be printed whole: no document font has the character {char} ({code}), which would come out blank. Add a font that has it in Settings under “Fonts for rare characters”.</source>
        <translation>文书无法完整打印：没有任何文书字体含有“{char}”（{code}），印出来会是空白。请在“设置”的“生僻字字体”中添加含有该字的字体。</translation>
    </message>
    <message>
        <source>the file is cut short</source>
        <translation>文件不完整</translation>
    </message>
    <message>
        <source>it has PostScript (CFF) outlines; documents need TrueType outlines</source>
        <translation>它是 PostScript（CFF）轮廓字体，文书需要 TrueType 轮廓字体</translation>
    </message>
    <message>
        <source>it is not a TrueType font file</source>
        <translation>它不是 TrueType 字体文件</translation>
    </message>
    <message>
        <source>it has no Unicode character map</source>
        <translation>它没有 Unicode 字符映射表</translation>
    </message>
    <message>
        <source>it has no TrueType outlines (glyf table)</source>
        <translation>它没有 TrueType 字形轮廓（glyf 表）</translation>
    </message>
    <message>
        <source>the file does not exist (moved or deleted?)</source>
        <translation>文件不存在（是否已移动或删除？）</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>its character map has a format documents cannot use</source>
        <translation>它的字符映射表格式无法用于文书</translation>
    </message>
    <message>
        <source>its character map is damaged</source>
        <translation>它的字符映射表已损坏</translation>
    </message>
    <message>
        <source>Catalog file {file}, {where}: the field &apos;{field}&apos; should be a whole number above 0.</source>
        <translation>清单文件 {file}，{where}：字段“{field}”应为大于0的整数。</translation>
    </message>
    <message>
        <source>The catalog file {file} cannot be read ({detail}).</source>
        <translation>无法读取清单文件 {file}（{detail}）。</translation>
    </message>
    <message>
        <source>No review body and court are set for district {code}.</source>
        <translation>区县 {code} 没有设置复议机关和管辖法院。</translation>
    </message>
    <message>
        <source>Ask the administrator to add the district to rights.json.</source>
        <translation>请管理员在 rights.json 中补充该区县。</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; of the rights cannot be changed.</source>
        <translation>权利告知数据的“{field}”不能修改。</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; cannot be empty.</source>
        <translation>“{field}”不能为空。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未作任何修改。</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; should be a whole number from 1 to 999.</source>
        <translation>“{field}”应为1至999之间的整数。</translation>
    </message>
    <message>
        <source>Unknown document type in &apos;{field}&apos;.</source>
        <translation>“{field}”中有未知的文书类型。</translation>
    </message>
    <message>
        <source>This violation was found not eligible for 首违不罚 ({reason}), so a 警示告知书 saying that no penalty is imposed cannot be issued.</source>
        <translation>这起违法行为已判定不符合首违不罚条件（{reason}），不能出具写明“不予行政处罚”的警示告知书。</translation>
    </message>
    <message>
        <source>Issue a 责令限期改正通知书 instead.</source>
        <translation>请改为出具责令限期改正通知书。</translation>
    </message>
    <message>
        <source>A {title} ({number}) was already issued for this violation.</source>
        <translation>这起违法行为已出具{title}（{number}），不能重复出具。</translation>
    </message>
    <message>
        <source>Re-print that one from 文书; if it is wrong, void it with the reason first and then issue a new one.</source>
        <translation>如需再次打印，请在“文书”页重印原文书；如原文书有误，请先注明原因将其作废，再重新出具。</translation>
    </message>
    <message>
        <source>电子送达 needs the party&apos;s consent, recorded in a signed 送达地址确认书 with the electronic address; there is none for this violation.</source>
        <translation>电子送达须经当事人同意，并由当事人签署写明电子送达地址的送达地址确认书；这起违法行为还没有这样的确认书。</translation>
    </message>
    <message>
        <source>Let the party sign a 送达地址确认书 first, or choose another way of service.</source>
        <translation>请先让当事人签署送达地址确认书，或改用其他送达方式。</translation>
    </message>
    <message>
        <source>The data file {path} holds no database records that can be salvaged.</source>
        <translation>数据文件 {path} 中没有可以抢救的数据库记录。</translation>
    </message>
    <message>
        <source>Restore a backup instead (inspector-app restore).</source>
        <translation>请改为恢复备份（inspector-app restore）。</translation>
    </message>
    <message>
        <source>There is no database to salvage in {path}.</source>
        <translation>{path} 中没有需要抢救的数据库。</translation>
    </message>
    <message>
        <source>Check the data folder (--data-dir).</source>
        <translation>请检查数据文件夹（--data-dir）。</translation>
    </message>
    <message>
        <source>Please correct the highlighted fields: {details}</source>
        <translation>请更正标出的内容：{details}</translation>
    </message>
    <message>
        <source>There is no decision to undo: the last one has been sent to the server already.</source>
        <translation>没有可撤销的审核决定：上一个决定已同步到服务器。</translation>
    </message>
    <message>
        <source>Review the record again to change a decision that has synced.</source>
        <translation>已同步的决定请重新审核该记录来更改。</translation>
    </message>
    <message>
        <source>That record has changed since the decision; it cannot be undone. Review it again.</source>
        <translation>该记录在审核后已有变化，不能撤销。请重新审核。</translation>
    </message>
    <message>
        <source>The 法制审核 rules file {path} cannot be read ({detail}).</source>
        <translation>无法读取法制审核规则文件 {path}（{detail}）。</translation>
    </message>
    <message>
        <source>Reinstall the app or ask the administrator.</source>
        <translation>请重新安装程序或联系管理员。</translation>
    </message>
    <message>
        <source>The 法制审核 rule {code} has an unknown condition.</source>
        <translation>法制审核规则 {code} 的适用条件无法识别。</translation>
    </message>
    <message>
        <source>Use one of always, overridden, file_case, server_redecided.</source>
        <translation>请使用 always、overridden、file_case 或 server_redecided 之一。</translation>
    </message>
    <message>
        <source>This review was already decided ({status}); a decided review is final.</source>
        <translation>该事项已审核（{status}），审核决定不可更改。</translation>
    </message>
    <message>
        <source>Refresh the list: another reviewer may have decided it.</source>
        <translation>请刷新列表：可能已有其他审核人员作出决定。</translation>
    </message>
    <message>
        <source>The date range ends ({end}) before it starts ({start}).</source>
        <translation>结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>Choose a start date on or before the end date.</source>
        <translation>请选择不晚于结束日期的开始日期。</translation>
    </message>
    <message>
        <source>The date range starts in the future ({start}): no decision is made yet.</source>
        <translation>开始日期（{start}）在今天之后，还没有作出的决定。</translation>
    </message>
    <message>
        <source>Choose a start date on or before today.</source>
        <translation>请选择今天或以前的开始日期。</translation>
    </message>
    <message>
        <source>The date range is {days} days long; one export covers at most {most} days.</source>
        <translation>所选期间共 {days} 天，一次导出最多 {most} 天。</translation>
    </message>
    <message>
        <source>Export a year or less at a time.</source>
        <translation>请每次导出一年以内的决定。</translation>
    </message>
    <message>
        <source>A 公示 export is an .xlsx or .csv file, not {name}.</source>
        <translation>公示文件须为 .xlsx 或 .csv 文件，不能是 {name}。</translation>
    </message>
    <message>
        <source>Save it with the .xlsx or .csv ending.</source>
        <translation>请以 .xlsx 或 .csv 为扩展名保存。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist (a USB stick taken out?).</source>
        <translation>文件夹 {folder} 不存在（U盘已拔出？）。</translation>
    </message>
    <message>
        <source>Choose a folder that exists and export again.</source>
        <translation>请选择一个存在的文件夹后重新导出。</translation>
    </message>
    <message>
        <source>There is no decision to publish from {start} to {end}.</source>
        <translation>{start} 至 {end} 没有需要公示的决定。</translation>
    </message>
    <message>
        <source>Choose another date range or squad; decisions already published are left out unless you untick “Only unpublished”.</source>
        <translation>请换一个日期范围或中队；已公示的决定不再导出，如需导出请取消勾选“仅未公示”。</translation>
    </message>
    <message>
        <source>The file {name} could not be written ({detail}).</source>
        <translation>文件 {name} 无法写入（{detail}）。</translation>
    </message>
    <message>
        <source>Choose another folder, or close the file if it is open in Excel or WPS, and export again.</source>
        <translation>请换一个文件夹，或在 Excel、WPS 中关闭该文件后重新导出。</translation>
    </message>
    <message>
        <source>The export includes decisions of other squads ({squads}); each squad publishes its own.</source>
        <translation>导出的决定中有其他中队的决定（{squads}）；各中队只公示本中队的决定。</translation>
    </message>
    <message>
        <source>Choose your own squad and export again.</source>
        <translation>请选择本中队后重新导出。</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>{label}: choose one of the offered values.</source>
        <translation>{label}：请从列出的选项中选择。</translation>
    </message>
    <message>
        <source>{label}: choose only offered values.</source>
        <translation>{label}：只能选择列出的选项。</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>是或否</translation>
    </message>
    <message>
        <source>a date like 2026-11-24</source>
        <translation>日期（如 2026-11-24）</translation>
    </message>
    <message>
        <source>{label}: {value!r} is not {expected}.</source>
        <translation>{label}：{value!r} 不是{expected}。</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>请填写{label}。</translation>
    </message>
    <message>
        <source>{label} is too long: at most {max} characters (now {n}).</source>
        <translation>{label}过长：最多 {max} 个字（现有 {n} 个）。</translation>
    </message>
    <message>
        <source>{label} must be at least {min}.</source>
        <translation>{label}不能小于 {min}。</translation>
    </message>
    <message>
        <source>{label} must be at most {max}.</source>
        <translation>{label}不能大于 {max}。</translation>
    </message>
    <message>
        <source>{label}: {count} invisible characters ({chars}) were removed; they come with text copied from web pages or chats.</source>
        <translation>{label}：已去掉 {count} 个看不见的字符（{chars}），这类字符常随网页或聊天中复制的文字带入。</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or leave both empty.</source>
        <translation>纬度和经度需同时填写，或都不填。</translation>
    </message>
    <message>
        <source>The position {lat:.5f}, {lon:.5f} is outside Jinan. Check the numbers (latitude about 36-37, longitude about 116-118) or pick the place on the map.</source>
        <translation>坐标 {lat:.5f}, {lon:.5f} 不在济南市范围内。请核对数字（纬度约 36–37，经度约 116–118），或在地图上选点。</translation>
    </message>
    <message>
        <source>The agreement date {when} is in the future; use the day it was signed.</source>
        <translation>责任书签订日期 {when} 晚于今天，请填写实际签订的日期。</translation>
    </message>
    <message>
        <source>Frontage unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>ID number of the person in charge</source>
        <translation>经营者身份证号</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Road segment</source>
        <translation>所在路段</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Event code {code} does not belong to this category; choose one of {codes}.</source>
        <translation>事件编码 {code} 不属于该类别；请从 {codes} 中选择。</translation>
    </message>
    <message>
        <source>{category} needs at least one photo as evidence: take or add one.</source>
        <translation>“{category}”至少需要一张取证照片：请拍摄或添加。</translation>
    </message>
    <message>
        <source>The position {lat:.5f}, {lon:.5f} is outside Jinan. Use the current position, pick the place on the map, or check the numbers.</source>
        <translation>坐标 {lat:.5f}, {lon:.5f} 不在济南市范围内。请使用当前位置、在地图上选点，或核对数字。</translation>
    </message>
    <message>
        <source>八乱 check</source>
        <translation>八乱检查</translation>
    </message>
    <message>
        <source>Event code (GB/T 30428)</source>
        <translation>事件编码（GB/T 30428）</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>现场情况</translation>
    </message>
    <message>
        <source>责任书 signed</source>
        <translation>已签订责任书</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签订人</translation>
    </message>
    <message>
        <source>Knows the five duties (知晓)</source>
        <translation>知晓门前五包责任</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Another unit already has this code: {name} ({address}). Open that unit instead of adding it twice.</source>
        <translation>已有单位使用该代码：{name}（{address}）。请打开该单位，不要重复添加。</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Knows the five duties</source>
        <translation>知晓门前五包责任</translation>
    </message>
    <message>
        <source>Does not know them</source>
        <translation>不知晓</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>{label} is not answered yet: choose compliant, not compliant or not applicable.</source>
        <translation>{label}尚未作答：请选择合格、不合格或不适用。</translation>
    </message>
    <message>
        <source>Every duty is marked not applicable: check at least one duty, or do not record an inspection.</source>
        <translation>所有责任都标为不适用：请至少检查一项责任，否则不要记录本次检查。</translation>
    </message>
    <message>
        <source>Failed check items</source>
        <translation>不合格的检查项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Asked about the five duties</source>
        <translation>询问门前五包责任</translation>
    </message>
    <message>
        <source>Overall note</source>
        <translation>总体备注</translation>
    </message>
    <message>
        <source>门前五包 inspection</source>
        <translation>门前五包检查</translation>
    </message>
    <message>
        <source>There is no road segment named {road}; check the name or leave it empty.</source>
        <translation>没有名为“{road}”的路段；请核对名称或留空。</translation>
    </message>
    <message>
        <source>The same code is already in row {row} of this file.</source>
        <translation>同一代码已出现在本文件第 {row} 行。</translation>
    </message>
    <message>
        <source>Type the name of the person who signed.</source>
        <translation>请填写签订人姓名。</translation>
    </message>
    <message>
        <source>Let the signer sign on the screen, or add a photo of the signed paper.</source>
        <translation>请签订人在屏幕上签名，或添加已签纸质责任书的照片。</translation>
    </message>
    <message>
        <source>Say what the officer has to correct before returning it.</source>
        <translation>退回前请写明队员需要更正的内容。</translation>
    </message>
    <message>
        <source>Add an “after” photo showing the place put right.</source>
        <translation>请添加整改后的照片。</translation>
    </message>
    <message>
        <source>Choose the deadline for the correction.</source>
        <translation>请选择整改期限。</translation>
    </message>
    <message>
        <source>The deadline {when} is already past; choose today or a later day.</source>
        <translation>期限 {when} 已过，请选择今天或以后的日期。</translation>
    </message>
    <message>
        <source>Give the reason for filing a case.</source>
        <translation>请填写立案理由。</translation>
    </message>
    <message>
        <source>Name the department it is handed to.</source>
        <translation>请填写移交的部门。</translation>
    </message>
    <message>
        <source>Let the party sign, or record that they refused, with the reason.</source>
        <translation>请当事人签名，或记录当事人拒签及理由。</translation>
    </message>
    <message>
        <source>A 送达地址确认书 is valid only with the party&apos;s own signature; it cannot be refused and witnessed.</source>
        <translation>送达地址确认书必须由当事人本人签名，不能以拒签加见证代替。</translation>
    </message>
    <message>
        <source>A refusal to sign needs a witness (e.g. a 居委会 member), or a note of the video file.</source>
        <translation>拒签须有见证人（如居委会工作人员），或注明执法记录仪文件编号。</translation>
    </message>
    <message>
        <source>Give the reason for voiding it.</source>
        <translation>请填写作废原因。</translation>
    </message>
    <message>
        <source>The format {template} is not valid ({detail}); use {{district}}, {{code}}, {{year}} and {{n:04d}}.</source>
        <translation>文号格式 {template} 无效（{detail}）；请使用 {{district}}、{{code}}、{{year}} 和 {{n:04d}}。</translation>
    </message>
    <message>
        <source>The format must contain the running number {{n}}.</source>
        <translation>文号格式必须包含流水号 {{n}}。</translation>
    </message>
    <message>
        <source>Choose whether the party is a person or a unit.</source>
        <translation>请选择当事人是个人还是单位。</translation>
    </message>
    <message>
        <source>Type the party&apos;s name.</source>
        <translation>请填写当事人名称或姓名。</translation>
    </message>
    <message>
        <source>The name is longer than {max} characters.</source>
        <translation>名称超过 {max} 个字。</translation>
    </message>
    <message>
        <source>Describe what the party did (time, place, conduct).</source>
        <translation>请写明违法事实（时间、地点、行为）。</translation>
    </message>
    <message>
        <source>The facts are longer than {max} characters.</source>
        <translation>违法事实超过 {max} 个字。</translation>
    </message>
    <message>
        <source>Choose the violation from the catalog.</source>
        <translation>请从清单中选择违法行为。</translation>
    </message>
    <message>
        <source>Two officers must act together: choose the second officer.</source>
        <translation>执法须两人以上：请选择同行执法人员。</translation>
    </message>
    <message>
        <source>Write why you decide differently from the app; it is kept in the audit log.</source>
        <translation>请写明改变判定的理由；该理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Type the administrator&apos;s name.</source>
        <translation>请填写管理员姓名。</translation>
    </message>
    <message>
        <source>A user name has 3 to 32 small letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; and starts with a letter.</source>
        <translation>用户名为 3 至 32 位小写字母、数字或“.”“_”“-”，并以字母开头。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters, with letters and digits.</source>
        <translation>密码至少 {n} 位，须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>{value} is not an order number: use the platform&apos;s number (3 to 40 letters, digits, - _ / .).</source>
        <translation>{value} 不是工单编号：请填写平台工单号（3–40 位字母、数字或 - _ / .）。</translation>
    </message>
    <message>
        <source>{value} is not a grid code: a grid code has 6 to 20 digits.</source>
        <translation>{value} 不是网格编码：网格编码为 6–20 位数字。</translation>
    </message>
    <message>
        <source>{value} is not a date and time: write it like 2026-11-20 09:30 or 2026-11-20T09:30:00+08:00.</source>
        <translation>{value} 不是日期时间：请写成 2026-11-20 09:30 或 2026-11-20T09:30:00+08:00。</translation>
    </message>
    <message>
        <source>The position {lat:.5f}, {lon:.5f} is outside Jinan: check the numbers (WGS-84).</source>
        <translation>位置 {lat:.5f}, {lon:.5f} 不在济南市范围内：请核对坐标（WGS-84）。</translation>
    </message>
    <message>
        <source>The time {when} is in the future; check the date.</source>
        <translation>时间 {when} 晚于现在，请核对日期。</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Category (event code)</source>
        <translation>类别（事件编码）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>What the reporter said</source>
        <translation>反映内容</translation>
    </message>
    <message>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Reporter&apos;s phone</source>
        <translation>反映人电话</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>反映时间</translation>
    </message>
    <message>
        <source>Dispatched to us at</source>
        <translation>派单时间</translation>
    </message>
    <message>
        <source>Deadline set by the platform</source>
        <translation>平台规定时限</translation>
    </message>
    <message>
        <source>The order number {value} is in the file twice.</source>
        <translation>工单编号 {value} 在文件中出现两次。</translation>
    </message>
    <message>
        <source>Write what was done ({min} characters at least): the reporter reads it.</source>
        <translation>请写明处置情况（至少 {min} 个字），反映人会看到。</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>The review date {when} must be after today.</source>
        <translation>复查日期 {when} 须晚于今天。</translation>
    </message>
    <message>
        <source>Ask for 1 to {max} working days.</source>
        <translation>延期须为 1 至 {max} 个工作日。</translation>
    </message>
    <message>
        <source>Party&apos;s name</source>
        <translation>当事人姓名或名称</translation>
    </message>
    <message>
        <source>Party&apos;s address</source>
        <translation>当事人住址</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>违法事实</translation>
    </message>
    <message>
        <source>Reason for refusing to sign</source>
        <translation>拒绝签名的理由</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Place of service</source>
        <translation>送达地点</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Party&apos;s pledge</source>
        <translation>当事人承诺</translation>
    </message>
    <message>
        <source>Officer&apos;s name</source>
        <translation>执法人员姓名</translation>
    </message>
    <message>
        <source>Name of a person present</source>
        <translation>在场人员姓名</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>现场情况</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Type at least one question and the party&apos;s answer (e.g. whether they ask for recusal).</source>
        <translation>请至少录入一问一答（例如是否申请回避）及当事人的回答。</translation>
    </message>
    <message>
        <source>Entry {n} needs both the question and the answer as given; nothing is filled in for the party.</source>
        <translation>第 {n} 条需要录入问题和当事人实际的回答；不会替当事人填写回答。</translation>
    </message>
    <message>
        <source>Enter when the inspection started.</source>
        <translation>请填写检查开始时间。</translation>
    </message>
    <message>
        <source>The end time is not a time.</source>
        <translation>结束时间不是有效的时间。</translation>
    </message>
    <message>
        <source>The inspection cannot end before it started.</source>
        <translation>检查结束时间不能早于开始时间。</translation>
    </message>
    <message>
        <source>The end time is in the future.</source>
        <translation>结束时间晚于当前时间。</translation>
    </message>
    <message>
        <source>Person present {n} needs both a role (e.g. 当事人, 委托代理人) and a name.</source>
        <translation>在场人员 {n} 须填写身份（如当事人、委托代理人）和姓名。</translation>
    </message>
    <message>
        <source>Describe what was found on the scene.</source>
        <translation>请描述现场检查情况。</translation>
    </message>
    <message>
        <source>Write the review opinion: what is wrong and what the officer must do.</source>
        <translation>请写明审核意见：存在什么问题，执法人员应当怎么做。</translation>
    </message>
    <message>
        <source>The opinion is longer than {max} characters.</source>
        <translation>审核意见超过 {max} 个字。</translation>
    </message>
</context>
<context>
    <name>legal_review</name>
    <message>
        <source>待法制审核</source>
        <translation>待法制审核</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>审核退回</source>
        <translation>审核退回</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <source>{party}: re-check by {deadline}</source>
        <translation>{party}：{deadline}前复查</translation>
    </message>
    <message>
        <source>Patrol track of {officer}</source>
        <translation>{officer}的巡查轨迹</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Daily review</source>
        <translation>每日审核</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>八乱</source>
        <translation>八乱</translation>
    </message>
    <message>
        <source>首违不罚</source>
        <translation>首违不罚</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书管理</translation>
    </message>
    <message>
        <source>法制审核</source>
        <translation>法制审核</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回补正</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Catalogs</source>
        <translation>目录与文号</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>rates</name>
    <message>
        <source>Road segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Squad</source>
        <translation>中队</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>on patrol</source>
        <translation>巡查中</translation>
    </message>
    <message>
        <source>ended, not submitted</source>
        <translation>已结束（未提交）</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>resubmitted</source>
        <translation>已重新提交</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Squad officer</source>
        <translation>执法队员</translation>
    </message>
    <message>
        <source>Duty supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Enforcement clerk</source>
        <translation>法制内勤</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>The server address must start with https:// or http://.</source>
        <translation>服务器地址必须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>For example https://sync.jinan.example:8765</source>
        <translation>例如 https://sync.jinan.example:8765</translation>
    </message>
    <message>
        <source>No sync server is configured.</source>
        <translation>尚未设置同步服务器。</translation>
    </message>
    <message>
        <source>Enter the server address in Settings.</source>
        <translation>请在“设置”中填写服务器地址。</translation>
    </message>
    <message>
        <source>This laptop is enrolled for another officer&apos;s account, so the sync server does not accept your sign-in on it.</source>
        <translation>这台笔记本已登记在其他执法人员的账号下，同步服务器不接受您在这台电脑上登录。</translation>
    </message>
    <message>
        <source>Sign in on your own laptop, or ask your administrator to enrol this one as a shared laptop with your name on it.</source>
        <translation>请在您自己的笔记本上登录，或请系统管理员把这台电脑登记为共用笔记本并加入您的账号。</translation>
    </message>
    <message>
        <source>This shared laptop is not enrolled for your account.</source>
        <translation>这台共用笔记本没有为您的账号登记。</translation>
    </message>
    <message>
        <source>Ask your administrator to add you to this laptop, or sign in on your own.</source>
        <translation>请系统管理员把您加入这台电脑，或在您自己的笔记本上登录。</translation>
    </message>
    <message>
        <source>This laptop does not trust the certificate of the sync server {url}.</source>
        <translation>本机不信任同步服务器 {url} 的证书。</translation>
    </message>
    <message>
        <source>Ask your administrator to install the office&apos;s certificate on this laptop, and check the server address.</source>
        <translation>请联系管理员在本机安装单位的证书，并核对服务器地址。</translation>
    </message>
    <message>
        <source>The sync server {url} cannot be reached ({why}).</source>
        <translation>无法连接同步服务器 {url}（{why}）。</translation>
    </message>
    <message>
        <source>Your work is kept on this laptop; it syncs when the network is back.</source>
        <translation>您的数据已保存在本机，网络恢复后会自动同步。</translation>
    </message>
    <message>
        <source>The sync server asks you to sign in again ({why}).</source>
        <translation>同步服务器要求重新登录（{why}）。</translation>
    </message>
    <message>
        <source>Enter your password on the sync page.</source>
        <translation>请在“同步”页面输入密码。</translation>
    </message>
    <message>
        <source>Too many wrong passwords were tried; the sync server waits {seconds} seconds before the next sign-in.</source>
        <translation>密码错误次数过多，同步服务器将在 {seconds} 秒后才接受下一次登录。</translation>
    </message>
    <message>
        <source>Wait, then enter the password again. If you forgot it, ask your administrator to reset it.</source>
        <translation>请稍候再输入密码。如果忘记了密码，请联系系统管理员重置。</translation>
    </message>
    <message>
        <source>This app is too old for the sync server: {why}</source>
        <translation>本程序版本过旧，同步服务器不再支持：{why}</translation>
    </message>
    <message>
        <source>The sync server refused the request ({code}): {why}</source>
        <translation>同步服务器拒绝了请求（{code}）：{why}</translation>
    </message>
    <message>
        <source>This device is not signed in to the sync server.</source>
        <translation>本机尚未登录同步服务器。</translation>
    </message>
    <message>
        <source>Open the app and sign in on the sync page once.</source>
        <translation>请打开软件，在“同步”页面登录一次。</translation>
    </message>
    <message>
        <source>The sync server sent an answer this app cannot read: {why}</source>
        <translation>同步服务器返回的内容无法识别：{why}</translation>
    </message>
    <message>
        <source>The sync server answered for other ops than were sent.</source>
        <translation>同步服务器的应答与发送的变更不符。</translation>
    </message>
    <message>
        <source>The sync server did not accept this laptop&apos;s audit trail twice in a row.</source>
        <translation>同步服务器连续两次未接受本机的执法记录链。请联系系统管理员。</translation>
    </message>
    <message>
        <source>The city-wide offence index from the sync server did not verify ({why}); nothing of it was stored.</source>
        <translation>同步服务器发来的全市违法记录索引校验未通过（{why}），未保存任何内容。</translation>
    </message>
    <message>
        <source>Sync again; if this keeps happening, tell your administrator: something between this laptop and the server changes its answers.</source>
        <translation>请再同步一次；如果反复出现，请告知管理员：本机与服务器之间有设备篡改了应答。</translation>
    </message>
</context>
<context>
    <name>work_orders</name>
    <message>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <source>数字城管</source>
        <translation>数字城管</translation>
    </message>
    <message>
        <source>随手拍</source>
        <translation>随手拍</translation>
    </message>
    <message>
        <source>路长吹哨</source>
        <translation>路长吹哨</translation>
    </message>
    <message>
        <source>领导交办</source>
        <translation>领导交办</translation>
    </message>
    <message>
        <source>received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <source>being handled</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>to verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退单</translation>
    </message>
    <message>
        <source>on hold (挂账)</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <source>Start handling</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Return (退单)</source>
        <translation>退单</translation>
    </message>
    <message>
        <source>Put on hold (挂账)</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处置</translation>
    </message>
    <message>
        <source>Verify and close</source>
        <translation>核查结案</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回重办</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>不予延期</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Handed to a 八乱 check</source>
        <translation>转八乱检查</translation>
    </message>
    <message>
        <source>Handed to a violation</source>
        <translation>转违法案件</translation>
    </message>
    <message>
        <source>extension requested</source>
        <translation>已申请延期</translation>
    </message>
    <message>
        <source>extension approved</source>
        <translation>已批准延期</translation>
    </message>
    <message>
        <source>extension refused</source>
        <translation>不予延期</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>could not be reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Squad</source>
        <translation>中队</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>My open orders</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>To dispatch</source>
        <translation>待派遣</translation>
    </message>
    <message>
        <source>To verify (核查)</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Extension requests</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <source>On hold (挂账)</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>To follow up (回访)</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>All open orders</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
</TS>
