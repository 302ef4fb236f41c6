/// Every phrase of the panel, in English and Chinese: the one table. A page or the script names
/// a phrase by its case; `{0}`, `{1}`… are filled by `Translator`. A unit test checks that each
/// phrase has both languages and that the Chinese has no untranslated English.
///
/// Setting labels and validation messages live with the settings (`SettingCatalog`,
/// `SettingValidator`), also in both languages.
enum PanelString: String, CaseIterable, Sendable {
    // Navigation and frame
    case navMonitor, navSettings, navErrorLogs, navRequestLogs, mainNavigation, logout, close
    case copyManually, copyManuallyHint

    // Login
    case loginTitle, loginHint, adminToken, loginButton, loginWrongToken, loginLockedOut, loggedOut, sessionEnded
    case loginDatabaseUnavailable

    // Common words
    case key, status, failures, successes, lastError, callsToday, weight, actions, verify, reset, enable, disable
    case copy, details, delete, show, hide, apply, model, time, statusCode, latency, outcome, success, failure
    case calls, errorType, columnID, from, to, clearFilters, previousPage, nextPage, pagination, rowsTotal
    case pageSize, perPage, pageOf, milliseconds, enabled, listSeparator, loading, requestFailed, done
    case requestTooLarge, bodyNotJSONObject, panelRequestFailed, panelFileNotFound
    case sessionMissing, sessionUnchecked, csrfRefused

    // Monitor
    case keyCounts, keysTotal, statusAll, statusActive, statusCooling, statusInvalid, statusDisabled
    case callStatistics, callStatisticsHint, callsIn, successCount, failureCount
    case lastMinute, lastHour, last8Hours, last24Hours, thisMonth
    case trend, trendChartLabel, trendTooltip, noCallsInPeriod
    case keysNeedingAttention, errorCode, howMany, errorCount, noKeysWithCode, applyToAllWithCode
    case keyList, keyStatusTabs, searchKeys, searchKeysPlaceholder, minFailures, noKeysMatch, verifyAllMatching
    case selectKey, selectAllOnPage, selectedKeys, timeLeft, durationSeconds, durationMinutes, durationHours
    case verification, verifying, verificationRunning, verificationFinished, copyTheseKeys
    case groupValid, groupRateLimited, groupInvalid, groupInconclusive
    case keyDetails, callsPerModel, recentErrors, noErrors, openErrorLog
    case confirmDeleteKey, confirmDeleteKeys, confirmDisableKeys, confirmAllWithCode, confirmVerifyMatching
    case copied
    case gatewayStatus, database, databaseWorking, databaseOutage, logsPending, logsDropped
    case instancesAlive, instanceName, instanceAddress, instanceVersion, instanceStarted, instanceLastSeen, thisInstance

    // Key actions (answers)
    case noKeysSelected, verificationBusy, verificationNotFound, keyNotFound
    case keysReset, keysEnabled, keysDisabled, keysDeleted, confirmDeleteLastKey
    case unknownKeyStatus, keyFilterNotANumber, keyFilterEmpty, sayWhichKeys, unknownKeyAction
    case verifyValid, verifyRateLimited, verifyInvalid, verifyInconclusive, unknownPeriod

    // Settings
    case settingGroups, save, resetToEnvironment, settingsHint, onePerLine, jsonObjectHint, notSet, unchangedSecret
    case secretListPlaceholder, secretMapPlaceholder, currentItems, generate, generateToken, adminTokenUnchanged, adminTokenChangeHint
    case currentKeys, manageKeysOnMonitor, pasteKeysPlaceholder, pasteMode, pasteModeAdd, pasteModeReplace
    case keyWeightsHint
    case settingsSaved, settingsSavedLoginAgain, settingsRefused, settingsStorageFailed, nothingToSave
    case settingValueNotText, adminTokenEmpty, adminTokenTooShort, adminTokenSpaces, adminTokenIsClientToken, noKeysInPaste, noKeysInPasteShort, confirmRemoveAllKeys, weightOutOfRange
    case pasteFound, pasteDuplicates, pasteAlreadyPresent, pasteWillAdd, pasteWillReplace
    case cannotReveal, adminTokenNeverShown, adminTokenWithheld
    case confirmReset, resetNeedsConfirmation, settingsResetDone, resetKeptKeys, resetKeptAdminToken, loginAgainNewToken

    // Logs
    case errorTypeOrText, keyContains, sortBy, sortOrder, ascending, descending, timesShownIn
    case selectRow, selectedRows, deleteSelected, deleteAllErrorLogs, noErrorLogs, noRequestLogs
    case errorDetails, errorBody, requestBody, requestBodyNotRecorded
    case confirmDeleteLogs, confirmDeleteAllLogs, noRowsSelected, logsDeleted, deleteAllNeedsConfirmation, logNotFound
    case requests, perTokenUsage, clientToken, anyToken, anyOutcome, adminTokenName, removedToken, noTokenRecorded
    case showTheirCalls

    var text: LocalizedText {
        switch self {
        case .navMonitor: LocalizedText(en: "Monitor", zh: "监控面板")
        case .navSettings: LocalizedText(en: "Settings", zh: "配置编辑")
        case .navErrorLogs: LocalizedText(en: "Error logs", zh: "错误日志")
        case .navRequestLogs: LocalizedText(en: "Request logs", zh: "请求日志")
        case .mainNavigation: LocalizedText(en: "Main navigation", zh: "主导航")
        case .logout: LocalizedText(en: "Log out", zh: "退出登录")
        case .close: LocalizedText(en: "Close", zh: "关闭")
        case .copyManually: LocalizedText(en: "Copy", zh: "复制")
        case .copyManuallyHint:
            LocalizedText(en: "The browser does not allow copying here; select the text and copy it yourself.",
                          zh: "浏览器不允许在此自动复制，请选中文本后手动复制。")

        case .loginTitle: LocalizedText(en: "Log in to the admin panel", zh: "登录管理面板")
        case .loginHint:
            LocalizedText(en: "Enter the admin token (AUTH_TOKEN).", zh: "请输入管理员令牌（AUTH_TOKEN）。")
        case .adminToken: LocalizedText(en: "Admin token", zh: "管理员令牌")
        case .loginButton: LocalizedText(en: "Log in", zh: "登录")
        case .loginWrongToken:
            LocalizedText(en: "That is not the admin token. Check it and try again.", zh: "管理员令牌不正确，请检查后重试。")
        case .loginLockedOut:
            LocalizedText(en: "Too many wrong tokens from this address. Try again in {0} minutes.",
                          zh: "此地址输错令牌次数过多，请在 {0} 分钟后再试。")
        case .loggedOut: LocalizedText(en: "You are logged out.", zh: "已退出登录。")
        case .sessionEnded: LocalizedText(en: "Your session has ended; log in again.", zh: "会话已结束，请重新登录。")
        case .loginDatabaseUnavailable:
            LocalizedText(en: "The database does not answer, so logins cannot be checked now. Try again in a moment.",
                          zh: "数据库暂时无法访问，目前无法验证登录。请稍后再试。")

        case .key: LocalizedText(en: "Key", zh: "密钥")
        case .status: LocalizedText(en: "Status", zh: "状态")
        case .failures: LocalizedText(en: "Failures", zh: "失败")
        case .successes: LocalizedText(en: "Successes", zh: "成功")
        case .lastError: LocalizedText(en: "Last error", zh: "最近错误")
        case .callsToday: LocalizedText(en: "Calls today", zh: "今日调用")
        case .weight: LocalizedText(en: "Weight", zh: "权重")
        case .actions: LocalizedText(en: "Actions", zh: "操作")
        case .verify: LocalizedText(en: "Verify", zh: "验证")
        case .reset: LocalizedText(en: "Reset", zh: "重置")
        case .enable: LocalizedText(en: "Enable", zh: "启用")
        case .disable: LocalizedText(en: "Disable", zh: "停用")
        case .copy: LocalizedText(en: "Copy", zh: "复制")
        case .details: LocalizedText(en: "Details", zh: "详情")
        case .delete: LocalizedText(en: "Delete", zh: "删除")
        case .show: LocalizedText(en: "Show", zh: "显示")
        case .hide: LocalizedText(en: "Hide", zh: "隐藏")
        case .apply: LocalizedText(en: "Apply", zh: "筛选")
        case .model: LocalizedText(en: "Model", zh: "模型")
        case .time: LocalizedText(en: "Time", zh: "时间")
        case .statusCode: LocalizedText(en: "Status code", zh: "状态码")
        case .latency: LocalizedText(en: "Latency", zh: "耗时")
        case .outcome: LocalizedText(en: "Outcome", zh: "结果")
        case .success: LocalizedText(en: "Success", zh: "成功")
        case .failure: LocalizedText(en: "Failure", zh: "失败")
        case .calls: LocalizedText(en: "Calls", zh: "调用次数")
        case .errorType: LocalizedText(en: "Error type", zh: "错误类型")
        case .columnID: LocalizedText(en: "No.", zh: "编号")
        case .from: LocalizedText(en: "From", zh: "开始时间")
        case .to: LocalizedText(en: "To", zh: "结束时间")
        case .clearFilters: LocalizedText(en: "Clear filters", zh: "清除筛选")
        case .previousPage: LocalizedText(en: "Previous", zh: "上一页")
        case .nextPage: LocalizedText(en: "Next", zh: "下一页")
        case .pagination: LocalizedText(en: "Pages", zh: "分页")
        case .rowsTotal: LocalizedText(en: "{0} in all", zh: "共 {0} 条")
        case .pageSize: LocalizedText(en: "Per page", zh: "每页")
        case .perPage: LocalizedText(en: "{0} per page", zh: "每页 {0} 条")
        case .pageOf: LocalizedText(en: "Page {0} of {1}", zh: "第 {0} 页，共 {1} 页")
        case .milliseconds: LocalizedText(en: "{0} ms", zh: "{0} 毫秒")
        case .enabled: LocalizedText(en: "On", zh: "开启")
        case .listSeparator: LocalizedText(en: "; ", zh: "；")
        case .loading: LocalizedText(en: "Loading…", zh: "加载中…")
        case .requestFailed:
            LocalizedText(en: "The request failed. Check the connection and try again.", zh: "请求失败，请检查网络后重试。")
        case .done: LocalizedText(en: "Done.", zh: "已完成。")
        case .requestTooLarge:
            LocalizedText(en: "The request body is larger than {0}, the most this address accepts.",
                          zh: "请求体超过了此地址允许的上限 {0}。")
        case .bodyNotJSONObject: LocalizedText(en: "The request body must be a JSON object.", zh: "请求体必须是 JSON 对象。")
        case .panelRequestFailed:
            LocalizedText(en: "The panel could not handle this request ({0}).", zh: "面板无法处理此请求（{0}）。")
        case .panelFileNotFound: LocalizedText(en: "There is no such panel file.", zh: "面板中没有这个文件。")
        case .sessionMissing:
            LocalizedText(en: "Log in to the admin panel first: the session is missing or has expired.",
                          zh: "请先登录管理面板：会话不存在或已过期。")
        case .sessionUnchecked:
            LocalizedText(en: "The admin session could not be checked because the database does not answer; log in again once it is back.",
                          zh: "数据库无响应，无法验证管理会话；请在数据库恢复后重新登录。")
        case .csrfRefused:
            LocalizedText(en: "This change needs the page's CSRF token. Reload the page and try again.",
                          zh: "此操作需要页面的 CSRF 令牌，请刷新页面后重试。")

        case .keyCounts: LocalizedText(en: "Keys by status", zh: "各状态密钥数量")
        case .keysTotal: LocalizedText(en: "All keys", zh: "全部密钥")
        case .statusAll: LocalizedText(en: "All", zh: "全部")
        case .statusActive: LocalizedText(en: "Active", zh: "有效")
        case .statusCooling: LocalizedText(en: "Cooling down", zh: "冷却中")
        case .statusInvalid: LocalizedText(en: "Invalid", zh: "无效")
        case .statusDisabled: LocalizedText(en: "Disabled", zh: "已停用")
        case .callStatistics: LocalizedText(en: "API calls", zh: "接口调用统计")
        case .callStatisticsHint:
            LocalizedText(en: "Each upstream attempt counts once. Press a figure to see its calls.",
                          zh: "每次上游尝试计一次。点击数字可查看对应的调用记录。")
        case .callsIn: LocalizedText(en: "Calls: {0}", zh: "调用记录：{0}")
        case .successCount: LocalizedText(en: "{0} succeeded", zh: "成功 {0}")
        case .failureCount: LocalizedText(en: "{0} failed", zh: "失败 {0}")
        case .lastMinute: LocalizedText(en: "Last minute", zh: "最近 1 分钟")
        case .lastHour: LocalizedText(en: "Last hour", zh: "最近 1 小时")
        case .last8Hours: LocalizedText(en: "Last 8 hours", zh: "最近 8 小时")
        case .last24Hours: LocalizedText(en: "Last 24 hours", zh: "最近 24 小时")
        case .thisMonth: LocalizedText(en: "This month", zh: "本月")
        case .trend: LocalizedText(en: "Trend", zh: "调用趋势")
        case .trendChartLabel:
            LocalizedText(en: "Successful and failed calls over time", zh: "成功与失败调用随时间的变化")
        case .trendTooltip: LocalizedText(en: "{0} succeeded, {1} failed", zh: "成功 {0}，失败 {1}")
        case .noCallsInPeriod: LocalizedText(en: "No calls in this period.", zh: "此时间段内没有调用。")
        case .keysNeedingAttention:
            LocalizedText(en: "Keys needing attention (last 24 hours)", zh: "值得注意的密钥（最近 24 小时）")
        case .errorCode: LocalizedText(en: "Error code", zh: "错误码")
        case .howMany: LocalizedText(en: "How many", zh: "显示数量")
        case .errorCount: LocalizedText(en: "Errors", zh: "错误次数")
        case .noKeysWithCode:
            LocalizedText(en: "No configured key failed with {0} in the last 24 hours.", zh: "最近 24 小时内没有密钥出现 {0} 错误。")
        case .applyToAllWithCode:
            LocalizedText(en: "Every key with error {0}:", zh: "对所有出现 {0} 错误的密钥：")
        case .keyList: LocalizedText(en: "Keys", zh: "密钥列表")
        case .keyStatusTabs: LocalizedText(en: "Key status", zh: "密钥状态")
        case .searchKeys: LocalizedText(en: "Search keys", zh: "搜索密钥")
        case .searchKeysPlaceholder: LocalizedText(en: "Part of a key", zh: "密钥的一部分")
        case .minFailures: LocalizedText(en: "Failures at least", zh: "失败次数至少")
        case .noKeysMatch: LocalizedText(en: "No key matches.", zh: "没有符合条件的密钥。")
        case .verifyAllMatching: LocalizedText(en: "Verify all {0} listed", zh: "验证列表中全部 {0} 个")
        case .selectKey: LocalizedText(en: "Select this key", zh: "选择此密钥")
        case .selectAllOnPage: LocalizedText(en: "Select all on this page", zh: "全选本页")
        case .selectedKeys: LocalizedText(en: "Selected keys:", zh: "已选密钥：")
        case .timeLeft: LocalizedText(en: "{0} left", zh: "剩余 {0}")
        case .durationSeconds: LocalizedText(en: "{0} s", zh: "{0} 秒")
        case .durationMinutes: LocalizedText(en: "{0} min {1} s", zh: "{0} 分 {1} 秒")
        case .durationHours: LocalizedText(en: "{0} h {1} min", zh: "{0} 小时 {1} 分")
        case .verification: LocalizedText(en: "Key verification", zh: "密钥验证")
        case .verifying: LocalizedText(en: "Verifying…", zh: "验证中…")
        case .verificationRunning: LocalizedText(en: "Verifying: {0} of {1} done.", zh: "正在验证：已完成 {0} / {1}。")
        case .verificationFinished:
            LocalizedText(en: "Finished: {0} keys verified. Close to refresh the page.", zh: "已完成：共验证 {0} 个密钥。关闭后页面将刷新。")
        case .copyTheseKeys: LocalizedText(en: "Copy these keys", zh: "复制这些密钥")
        case .groupValid: LocalizedText(en: "Valid", zh: "有效")
        case .groupRateLimited: LocalizedText(en: "Valid but rate-limited", zh: "有效但已限流")
        case .groupInvalid: LocalizedText(en: "Invalid (error {0})", zh: "无效（错误码 {0}）")
        case .groupInconclusive:
            LocalizedText(en: "No answer (network or Google error)", zh: "无结果（网络或谷歌服务错误）")
        case .keyDetails: LocalizedText(en: "Key details", zh: "密钥详情")
        case .callsPerModel: LocalizedText(en: "Calls per model, last 24 hours", zh: "最近 24 小时各模型调用")
        case .recentErrors: LocalizedText(en: "Recent errors", zh: "最近错误")
        case .noErrors: LocalizedText(en: "No errors.", zh: "没有错误。")
        case .openErrorLog: LocalizedText(en: "Open in the error log", zh: "在错误日志中查看")
        case .confirmDeleteKey: LocalizedText(en: "Delete this key?", zh: "确定删除此密钥？")
        case .confirmDeleteKeys: LocalizedText(en: "Delete {0} keys?", zh: "确定删除 {0} 个密钥？")
        case .confirmDisableKeys: LocalizedText(en: "Disable {0} keys?", zh: "确定停用 {0} 个密钥？")
        case .confirmAllWithCode:
            LocalizedText(en: "Apply this to every key with error {0}?", zh: "确定对所有出现 {0} 错误的密钥执行此操作？")
        case .confirmVerifyMatching:
            LocalizedText(en: "Verify every key in this list? Each costs one small call to Google.",
                          zh: "确定验证列表中的所有密钥？每个密钥会向谷歌发送一次小请求。")
        case .copied: LocalizedText(en: "Copied.", zh: "已复制。")

        case .noKeysSelected: LocalizedText(en: "Select at least one key first.", zh: "请先选择至少一个密钥。")
        case .verificationBusy:
            LocalizedText(en: "Other verifications are still running; wait for them to finish.", zh: "仍有其他验证在进行，请等待其完成。")
        case .verificationNotFound:
            LocalizedText(en: "This verification is no longer known (finished over an hour ago?).", zh: "找不到此次验证（可能已结束超过一小时）。")
        case .keyNotFound: LocalizedText(en: "This key is not configured any more.", zh: "此密钥已不在配置中。")
        case .keysReset: LocalizedText(en: "{0} keys reset.", zh: "已重置 {0} 个密钥。")
        case .keysEnabled: LocalizedText(en: "{0} keys enabled.", zh: "已启用 {0} 个密钥。")
        case .keysDisabled: LocalizedText(en: "{0} keys disabled.", zh: "已停用 {0} 个密钥。")
        case .keysDeleted: LocalizedText(en: "{0} keys deleted and the change applied.", zh: "已删除 {0} 个密钥，立即生效。")
        case .confirmDeleteLastKey:
            LocalizedText(en: "This deletes every remaining key: the gateway will answer no calls until you add keys. Delete anyway?",
                          zh: "这将删除剩余的全部密钥：在添加新密钥之前网关将无法处理任何调用。仍要删除吗？")
        case .unknownKeyStatus:
            LocalizedText(en: "There is no key status “{0}”; use one of: {1}.", zh: "没有“{0}”这种密钥状态，可用的状态：{1}。")
        case .keyFilterNotANumber:
            LocalizedText(en: "{0} must be a whole number, not “{1}”.", zh: "{0} 必须是整数，而不是“{1}”。")
        case .keyFilterEmpty:
            LocalizedText(en: "The filter names no condition. To act on every key, say so: {0}.",
                          zh: "筛选条件为空。如需对全部密钥操作，请明确写出 {0}。")
        case .sayWhichKeys: LocalizedText(en: "Say which keys, with {0}.", zh: "请用 {0} 指明要操作的密钥。")
        case .unknownKeyAction:
            LocalizedText(en: "Unknown action “{0}”; use one of: {1}.", zh: "未知的操作“{0}”，可用的操作：{1}。")
        case .verifyValid: LocalizedText(en: "The key works.", zh: "密钥有效。")
        case .verifyRateLimited:
            LocalizedText(en: "The key works but is rate-limited for the test model.", zh: "密钥有效，但测试模型已被限流。")
        case .verifyInvalid: LocalizedText(en: "The key was refused ({0}): {1}", zh: "密钥被拒绝（{0}）：{1}")
        case .verifyInconclusive:
            LocalizedText(en: "No verdict (network or Google error): {0}", zh: "无法判断（网络或谷歌服务错误）：{0}")
        case .unknownPeriod: LocalizedText(en: "Unknown period.", zh: "未知的时间段。")

        case .settingGroups: LocalizedText(en: "Setting groups", zh: "配置分组")
        case .save: LocalizedText(en: "Save", zh: "保存")
        case .resetToEnvironment: LocalizedText(en: "Reset to environment", zh: "重置为环境变量")
        case .settingsHint:
            LocalizedText(en: "Changes apply at once when saved, without a restart. Every value is checked first; if one is wrong, nothing is saved.",
                          zh: "保存后立即生效，无需重启。所有值都会先校验；只要有一个不正确，就不会保存任何内容。")
        case .onePerLine: LocalizedText(en: "One per line.", zh: "每行一项。")
        case .jsonObjectHint: LocalizedText(en: "A JSON object.", zh: "填写一个 JSON 对象。")
        case .notSet: LocalizedText(en: "Not set", zh: "未设置")
        case .unchangedSecret: LocalizedText(en: "{0} (unchanged unless you type)", zh: "{0}（不输入则保持不变）")
        case .secretListPlaceholder:
            LocalizedText(en: "Type the complete new list to replace it, or press Show to edit the current one.",
                          zh: "输入完整的新列表以替换，或点击“显示”编辑当前列表。")
        case .secretMapPlaceholder:
            LocalizedText(en: "Type a complete new JSON object to replace it, or press Show to edit the current one.",
                          zh: "输入完整的新 JSON 对象以替换，或点击“显示”编辑当前内容。")
        case .currentItems: LocalizedText(en: "{0} configured:", zh: "当前 {0} 项：")
        case .generate: LocalizedText(en: "Generate", zh: "生成")
        case .generateToken: LocalizedText(en: "Add a generated token", zh: "添加随机令牌")
        case .adminTokenUnchanged:
            LocalizedText(en: "Unchanged unless you type a new one (it is never shown)", zh: "不输入则保持不变（令牌从不显示）")
        case .adminTokenChangeHint:
            LocalizedText(en: "Changing it logs everyone out, you included; log in again with the new token.",
                          zh: "修改后所有人（包括你）都会退出登录，请使用新令牌重新登录。")
        case .currentKeys: LocalizedText(en: "{0} keys configured:", zh: "当前共 {0} 个密钥：")
        case .manageKeysOnMonitor: LocalizedText(en: "Manage them on the monitor", zh: "在监控面板中管理")
        case .pasteKeysPlaceholder:
            LocalizedText(en: "Paste any text here: the keys in it are found automatically.", zh: "在此粘贴任意文本，其中的密钥会被自动识别。")
        case .pasteMode: LocalizedText(en: "The pasted keys", zh: "粘贴的密钥")
        case .pasteModeAdd: LocalizedText(en: "are added to the current keys", zh: "添加到现有密钥")
        case .pasteModeReplace: LocalizedText(en: "replace all current keys", zh: "替换全部现有密钥")
        case .keyWeightsHint:
            LocalizedText(en: "Used by the weighted strategy: a key with weight 3 serves three times as often as one with weight 1; 0 never serves.",
                          zh: "用于加权策略：权重为 3 的密钥被选中的次数是权重为 1 的三倍；权重为 0 则不会被选中。")
        case .settingsSaved: LocalizedText(en: "Settings saved and applied.", zh: "配置保存成功，已立即生效。")
        case .settingsSavedLoginAgain:
            LocalizedText(en: "Settings saved and applied. The admin token changed: log in again with the new one.",
                          zh: "配置保存成功，已立即生效。管理员令牌已更改，请使用新令牌重新登录。")
        case .settingsRefused:
            LocalizedText(en: "Nothing was saved: correct the highlighted fields.", zh: "未保存任何内容：请修正标出的字段。")
        case .settingsStorageFailed:
            LocalizedText(en: "The database refused the change; nothing was applied. Try again.", zh: "数据库拒绝了此次修改，未应用任何更改，请重试。")
        case .nothingToSave: LocalizedText(en: "Nothing changed.", zh: "没有需要保存的修改。")
        case .settingValueNotText:
            LocalizedText(en: "The value must be sent as text, a number or a boolean, not as a list or an object (write those as JSON text).",
                          zh: "值必须以文本、数字或布尔值发送，而不是列表或对象（列表和对象请写成 JSON 文本）。")
        case .adminTokenEmpty: LocalizedText(en: "The admin token cannot be empty.", zh: "管理员令牌不能为空。")
        case .adminTokenTooShort:
            LocalizedText(en: "The admin token needs at least {0} characters.", zh: "管理员令牌至少需要 {0} 个字符。")
        case .adminTokenSpaces:
            LocalizedText(en: "The admin token cannot begin or end with a space or a line break.",
                          zh: "管理员令牌的开头和结尾不能是空格或换行。")
        case .adminTokenIsClientToken:
            LocalizedText(en: "The admin token cannot also be a client token (ALLOWED_TOKENS): every client could then log in to the panel.",
                          zh: "管理员令牌不能同时是客户端令牌（ALLOWED_TOKENS），否则每个客户端都能登录管理面板。")
        case .noKeysInPaste:
            LocalizedText(en: "No key was found in the pasted text.", zh: "在粘贴的文本中没有找到密钥。")
        case .noKeysInPasteShort: LocalizedText(en: "No key found.", zh: "未找到密钥。")
        case .confirmRemoveAllKeys:
            LocalizedText(en: "This removes every key: the gateway will answer no calls until keys are added. Save anyway?",
                          zh: "这将移除全部密钥：在添加密钥之前网关将无法处理任何调用。仍要保存吗？")
        case .weightOutOfRange: LocalizedText(en: "Weights must be between 0 and 1000.", zh: "权重必须在 0 到 1000 之间。")
        case .pasteFound: LocalizedText(en: "{0} keys found", zh: "识别到 {0} 个密钥")
        case .pasteDuplicates: LocalizedText(en: "{0} repeats dropped", zh: "去除重复 {0} 个")
        case .pasteAlreadyPresent: LocalizedText(en: "{0} already configured, dropped", zh: "已存在 {0} 个，已忽略")
        case .pasteWillAdd: LocalizedText(en: "Save adds {0}, making {1} keys", zh: "保存后新增 {0} 个，共 {1} 个密钥")
        case .pasteWillReplace:
            LocalizedText(en: "Save replaces the list with these {0} ({1} new, {2} current keys removed)",
                          zh: "保存后密钥列表替换为这 {0} 个（新增 {1} 个，移除现有 {2} 个）")
        case .cannotReveal: LocalizedText(en: "This setting cannot be shown.", zh: "此设置项无法显示。")
        case .adminTokenNeverShown:
            LocalizedText(en: "The admin token is never shown. Type a new one to change it.", zh: "管理员令牌从不显示。如需修改，请输入新令牌。")
        case .adminTokenWithheld:
            LocalizedText(en: "One of these tokens is the admin token and is not shown; it keeps working.",
                          zh: "其中一个令牌是管理员令牌，不予显示，它仍然有效。")
        case .confirmReset:
            LocalizedText(en: "Replace every setting with the value from the environment (or its default)? Keys and the admin token stay when the environment has none.",
                          zh: "确定将所有配置恢复为环境变量中的值（或默认值）吗？环境变量中没有密钥或管理员令牌时，将保留当前值。")
        case .resetNeedsConfirmation: LocalizedText(en: "Reset needs a confirmation.", zh: "重置需要确认。")
        case .settingsResetDone:
            LocalizedText(en: "Settings reset to the environment and applied.", zh: "配置已恢复为环境变量中的值，已立即生效。")
        case .resetKeptKeys:
            LocalizedText(en: "The environment has no keys, so the current keys were kept.", zh: "环境变量中没有密钥，已保留当前密钥。")
        case .resetKeptAdminToken:
            LocalizedText(en: "The environment has no admin token, so the current one was kept.", zh: "环境变量中没有管理员令牌，已保留当前令牌。")
        case .loginAgainNewToken:
            LocalizedText(en: "The admin token changed: log in again with the new one.", zh: "管理员令牌已更改，请使用新令牌重新登录。")

        case .errorTypeOrText: LocalizedText(en: "Error type or text", zh: "错误类型或内容")
        case .keyContains: LocalizedText(en: "Part of the key", zh: "密钥的一部分")
        case .sortBy: LocalizedText(en: "Sort by", zh: "排序字段")
        case .sortOrder: LocalizedText(en: "Order", zh: "顺序")
        case .ascending: LocalizedText(en: "Oldest / smallest first", zh: "升序")
        case .descending: LocalizedText(en: "Newest / largest first", zh: "降序")
        case .timesShownIn: LocalizedText(en: "Times are shown in", zh: "时间显示所用时区：")
        case .selectRow: LocalizedText(en: "Select this row", zh: "选择此行")
        case .selectedRows: LocalizedText(en: "Selected rows:", zh: "已选行数：")
        case .deleteSelected: LocalizedText(en: "Delete selected", zh: "删除所选")
        case .deleteAllErrorLogs: LocalizedText(en: "Delete all error logs", zh: "删除全部错误日志")
        case .noErrorLogs: LocalizedText(en: "No error logs match.", zh: "没有符合条件的错误日志。")
        case .noRequestLogs: LocalizedText(en: "No calls match.", zh: "没有符合条件的调用记录。")
        case .errorDetails: LocalizedText(en: "Error", zh: "错误详情")
        case .errorBody: LocalizedText(en: "Error body", zh: "错误内容")
        case .requestBody: LocalizedText(en: "Request body", zh: "请求体")
        case .requestBodyNotRecorded:
            LocalizedText(en: "Not recorded (turn on ERROR_LOG_RECORD_REQUEST_BODY to keep request bodies).",
                          zh: "未记录（开启 ERROR_LOG_RECORD_REQUEST_BODY 后会保存请求体）。")
        case .confirmDeleteLogs: LocalizedText(en: "Delete {0} error logs?", zh: "确定删除 {0} 条错误日志？")
        case .confirmDeleteAllLogs:
            LocalizedText(en: "Delete every error log? This cannot be undone.", zh: "确定删除全部错误日志？此操作无法撤销。")
        case .noRowsSelected: LocalizedText(en: "Select at least one row first.", zh: "请先选择至少一行。")
        case .logsDeleted: LocalizedText(en: "{0} error logs deleted.", zh: "已删除 {0} 条错误日志。")
        case .deleteAllNeedsConfirmation:
            LocalizedText(en: "Deleting every error log needs a confirmation.", zh: "删除全部错误日志需要确认。")
        case .logNotFound: LocalizedText(en: "This log entry no longer exists.", zh: "此日志已不存在。")
        case .requests: LocalizedText(en: "Calls", zh: "调用记录")
        case .perTokenUsage: LocalizedText(en: "Usage per client token", zh: "各客户端令牌的用量")
        case .clientToken: LocalizedText(en: "Client token", zh: "客户端令牌")
        case .anyToken: LocalizedText(en: "Any token", zh: "全部令牌")
        case .anyOutcome: LocalizedText(en: "Any", zh: "全部")
        case .adminTokenName: LocalizedText(en: "Admin token", zh: "管理员令牌")
        case .removedToken: LocalizedText(en: "Removed token", zh: "已移除的令牌")
        case .noTokenRecorded: LocalizedText(en: "Not recorded", zh: "未记录")
        case .showTheirCalls: LocalizedText(en: "Show its calls", zh: "查看其调用")
        case .gatewayStatus: LocalizedText(en: "Gateway status", zh: "网关状态")
        case .database: LocalizedText(en: "Database", zh: "数据库")
        case .databaseWorking: LocalizedText(en: "Working", zh: "正常")
        case .databaseOutage: LocalizedText(
                en: "Unreachable since {0}: {1}. Requests go on with the settings and keys in memory; logs wait in memory until it is back.",
                zh: "自 {0} 起无法连接：{1}。请求照常处理（使用内存中的配置与密钥），日志暂存在内存中，恢复后写入。")
        case .logsPending: LocalizedText(en: "{0} log entries waiting to be written", zh: "{0} 条日志等待写入")
        case .logsDropped: LocalizedText(
                en: "{0} log entries dropped (buffer full, or refused by the database)",
                zh: "{0} 条日志被丢弃（缓冲区已满或被数据库拒绝）")
        case .instancesAlive: LocalizedText(en: "Instances on this database", zh: "使用此数据库的实例")
        case .instanceName: LocalizedText(en: "Name", zh: "名称")
        case .instanceAddress: LocalizedText(en: "Address", zh: "地址")
        case .instanceVersion: LocalizedText(en: "Version", zh: "版本")
        case .instanceStarted: LocalizedText(en: "Started", zh: "启动时间")
        case .instanceLastSeen: LocalizedText(en: "Last seen", zh: "最近心跳")
        case .thisInstance: LocalizedText(en: "this one", zh: "本实例")
        }
    }

    /// The phrases the script needs; they travel with each page in its JSON data.
    static let scriptStrings: [PanelString] = [
        .show, .hide, .verify, .verifying, .copied, .loading, .requestFailed, .done, .key, .model, .time, .statusCode,
        .latency, .outcome, .success, .failure, .successes, .failures, .weight, .errorType, .previousPage, .nextPage,
        .pageOf, .rowsTotal, .milliseconds, .noCallsInPeriod, .noErrors, .noKeysSelected, .noRowsSelected,
        .confirmDeleteKey, .confirmDeleteKeys, .confirmDisableKeys, .confirmAllWithCode, .confirmVerifyMatching,
        .confirmRemoveAllKeys, .confirmReset, .confirmDeleteLogs, .confirmDeleteAllLogs, .verificationRunning,
        .verificationFinished, .copyTheseKeys, .groupValid, .groupRateLimited, .groupInvalid, .groupInconclusive,
        .keyDetails, .callsPerModel, .recentErrors, .openErrorLog, .errorDetails, .errorBody, .requestBody,
        .requestBodyNotRecorded,
    ]
}
