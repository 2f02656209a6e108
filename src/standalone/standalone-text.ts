/**
 * Words of the standalone page around the pane (file bar, drop zone, grid, file problems). One
 * table keyed by message id, one column per locale, like src/i18n/pane.ts; the pane keeps its own.
 */
import type { Locale } from '../i18n/locale';
import { fillTemplate } from '../i18n/template';

const STANDALONE_MESSAGES = {
  'page.title': { 'zh-CN': '对账助手 · 网页版', 'zh-TW': '對帳助手 · 網頁版', en: 'Recon in the browser' },
  'page.privacy': {
    'zh-CN': '文件只在这个浏览器里处理，不会上传。',
    'zh-TW': '檔案只在這個瀏覽器裡處理，不會上傳。',
    en: 'Files are processed in this browser and never uploaded.',
  },
  'page.workbook': { 'zh-CN': '工作簿', 'zh-TW': '活頁簿', en: 'Workbook' },

  'file.open': { 'zh-CN': '打开文件…', 'zh-TW': '開啟檔案…', en: 'Open a file…' },
  'file.demo': { 'zh-CN': '载入示例', 'zh-TW': '載入範例', en: 'Load the demo' },
  'file.download': { 'zh-CN': '下载对账结果 (.xlsx)', 'zh-TW': '下載對帳結果 (.xlsx)', en: 'Download the reconciled workbook' },
  'file.current': { 'zh-CN': '当前文件：{name}', 'zh-TW': '目前檔案：{name}', en: 'File: {name}' },
  'file.loading': { 'zh-CN': '正在打开 {name}…', 'zh-TW': '正在開啟 {name}…', en: 'Opening {name}…' },
  'file.opening': {
    'zh-CN': '正在读取 {name}：{read} / {total}，{rows} 行',
    'zh-TW': '正在讀取 {name}：{read} / {total}，{rows} 列',
    en: 'Reading {name}: {read} of {total}, {rows} rows',
  },
  'file.preparing': {
    'zh-CN': '正在整理 {name} 的工作表（{rows} 行）…',
    'zh-TW': '正在整理 {name} 的工作表（{rows} 列）…',
    en: 'Setting out the sheets of {name} ({rows} rows)…',
  },
  'file.cancel': { 'zh-CN': '取消', 'zh-TW': '取消', en: 'Cancel' },
  'file.cancelled': {
    'zh-CN': '已取消打开 {name}。',
    'zh-TW': '已取消開啟 {name}。',
    en: 'Opening {name} was cancelled.',
  },
  'file.saving': { 'zh-CN': '正在生成 .xlsx…', 'zh-TW': '正在產生 .xlsx…', en: 'Preparing the .xlsx…' },

  'drop.title': { 'zh-CN': '把 .xlsx、.xls 或 .csv 文件拖到这里', 'zh-TW': '把 .xlsx、.xls 或 .csv 檔案拖到這裡', en: 'Drop an .xlsx, .xls or .csv file here' },
  'drop.body': {
    'zh-CN': '也可以点“打开文件…”选择文件（CSV 可以是 UTF-8 或 GBK 编码；账簿和银行流水两个 CSV 可以一起选，各成一张工作表），或者载入示例：一份银行存款日记账和一份带标题行、合计行的工行流水。',
    'zh-TW': '也可以按「開啟檔案…」選擇檔案（CSV 可以是 UTF-8 或 GBK 編碼；帳簿和銀行明細兩個 CSV 可以一起選，各成一張工作表），或者載入範例：一份銀行存款日記帳和一份帶標題列、合計列的銀行明細。',
    en: 'Or choose one with "Open a file…" (CSV in UTF-8 or GBK; choose a ledger CSV and a bank CSV together and each becomes a sheet), or load the demo: a cash book and a bank statement with its title lines and total line.',
  },
  'drop.release': { 'zh-CN': '松开鼠标即可打开', 'zh-TW': '放開滑鼠即可開啟', en: 'Release to open the file' },

  'grid.tabs': { 'zh-CN': '工作表', 'zh-TW': '工作表', en: 'Sheets' },
  'grid.label': { 'zh-CN': '工作表“{sheet}”', 'zh-TW': '工作表「{sheet}」', en: 'Sheet {sheet}' },
  'grid.corner': { 'zh-CN': '行号', 'zh-TW': '列號', en: 'Row' },
  'grid.empty': { 'zh-CN': '这张工作表是空的。', 'zh-TW': '這張工作表是空的。', en: 'This sheet is empty.' },
  'grid.failed': {
    'zh-CN': '无法显示工作表“{sheet}”：{detail}',
    'zh-TW': '無法顯示工作表「{sheet}」：{detail}',
    en: 'The sheet {sheet} cannot be shown: {detail}',
  },
  'grid.selection': {
    'zh-CN': '已选择 {address}（{rows} 行 × {columns} 列）',
    'zh-TW': '已選取 {address}（{rows} 列 × {columns} 欄）',
    en: 'Selected {address} ({rows} rows × {columns} columns)',
  },
  'grid.help': {
    'zh-CN': '拖动鼠标或按 Shift+方向键选择区域，Ctrl+A 选择全部数据，Ctrl+PageDown 切换工作表；然后在右侧点“使用当前选择”。',
    'zh-TW': '拖曳滑鼠或按 Shift+方向鍵選取範圍，Ctrl+A 選取全部資料，Ctrl+PageDown 切換工作表；然後在右側按「使用目前選取範圍」。',
    en: 'Drag, or use Shift+arrow keys, to select a range; Ctrl+A selects all the data, Ctrl+PageDown moves to the next sheet. Then click "Use current selection" in the pane.',
  },

  'problem.title': { 'zh-CN': '无法打开这个文件', 'zh-TW': '無法開啟這個檔案', en: 'This file cannot be opened' },
  'problem.dismiss': { 'zh-CN': '关闭', 'zh-TW': '關閉', en: 'Dismiss' },
  'problem.tooLarge': {
    'zh-CN': '“{name}”有 {size}，网页版最多打开 {limit} 的文件。更大的文件请用命令行（npx recon match --ledger 账簿.xlsx --bank 流水.csv --json 结果.json --out 对账结果.xlsx），或在 Excel 中使用对账助手加载项。',
    'zh-TW': '「{name}」有 {size}，網頁版最多開啟 {limit} 的檔案。更大的檔案請用命令列（npx recon match --ledger 帳簿.xlsx --bank 明細.csv --json 結果.json --out 對帳結果.xlsx），或在 Excel 中使用對帳助手增益集。',
    en: '"{name}" is {size}; this page opens files up to {limit}. For a larger file use the command line (npx recon match --ledger ledger.xlsx --bank bank.csv --json result.json --out reconciled.xlsx) or the Recon add-in in Excel.',
  },
  'problem.tooLargeForMemory': {
    'zh-CN': '“{name}”有 {size}，这个浏览器可用的内存（{memory}）只够打开约 {limit} 的文件。请关闭其他标签页后重试，或者用命令行（npx recon match）处理。',
    'zh-TW': '「{name}」有 {size}，這個瀏覽器可用的記憶體（{memory}）只夠開啟約 {limit} 的檔案。請關閉其他分頁後重試，或者用命令列（npx recon match）處理。',
    en: '"{name}" is {size}; the memory this browser gives the page ({memory}) is enough for files up to about {limit}. Close other tabs and try again, or use the command line (npx recon match).',
  },
  'problem.severalNotCsv': {
    'zh-CN': '一次可以打开多个 .csv 文件（每个文件一张工作表），但“{name}”不是 .csv；.xlsx 工作簿请单独打开。',
    'zh-TW': '一次可以開啟多個 .csv 檔案（每個檔案一張工作表），但「{name}」不是 .csv；.xlsx 活頁簿請單獨開啟。',
    en: 'Several .csv files can be opened at once (one sheet each), but "{name}" is not a .csv file; open an .xlsx workbook on its own.',
  },
  'problem.workerStopped': {
    'zh-CN': '处理文件的后台程序意外停止了（{detail}），可能是浏览器内存不足。请重新打开文件；文件很大时请用命令行（npx recon match）。',
    'zh-TW': '處理檔案的背景程式意外停止了（{detail}），可能是瀏覽器記憶體不足。請重新開啟檔案；檔案很大時請用命令列（npx recon match）。',
    en: 'The part of the page that works on the file stopped unexpectedly ({detail}), perhaps because the browser ran out of memory. Open the file again; for very large files use the command line (npx recon match).',
  },
  'problem.empty': { 'zh-CN': '“{name}”是空文件。', 'zh-TW': '「{name}」是空檔案。', en: '"{name}" is empty.' },
  'problem.allSheetsEmpty': {
    'zh-CN': '“{name}”的工作表都是空的，没有可以对账的数据。',
    'zh-TW': '「{name}」的工作表都是空的，沒有可以對帳的資料。',
    en: 'Every sheet of "{name}" is empty; there is nothing to reconcile.',
  },
  'problem.noSheets': { 'zh-CN': '“{name}”里没有工作表。', 'zh-TW': '「{name}」裡沒有工作表。', en: '"{name}" has no sheets.' },
  'problem.looksLike': {
    'zh-CN': '“{name}”不是电子表格，看起来是{kind}。请打开 .xlsx 工作簿或 .csv 文件。',
    'zh-TW': '「{name}」不是試算表，看起來是{kind}。請開啟 .xlsx 活頁簿或 .csv 檔案。',
    en: '"{name}" is not a spreadsheet: it looks like {kind}. Open an .xlsx workbook or a .csv file.',
  },
  'problem.damagedXlsx': {
    'zh-CN': '“{name}”不是有效的 .xlsx 工作簿（文件已损坏，或者不是电子表格只是扩展名是 .xlsx）。',
    'zh-TW': '「{name}」不是有效的 .xlsx 活頁簿（檔案已損壞，或者不是試算表只是副檔名是 .xlsx）。',
    en: '"{name}" is not a valid .xlsx workbook (the file is damaged, or it is not a spreadsheet and only has an .xlsx name).',
  },
  'problem.unreadableXlsx': {
    'zh-CN': '“{name}”无法作为 .xlsx 工作簿打开（{detail}）。',
    'zh-TW': '「{name}」無法作為 .xlsx 活頁簿開啟（{detail}）。',
    en: '"{name}" could not be opened as an .xlsx workbook ({detail}).',
  },
  'problem.xlsDamaged': {
    'zh-CN': '“{name}”是 .xls 工作簿，但文件已损坏，无法读取；请在 Excel 或 WPS 中打开并另存为 .xlsx。',
    'zh-TW': '「{name}」是 .xls 活頁簿，但檔案已損壞，無法讀取；請在 Excel 中開啟並另存為 .xlsx。',
    en: '"{name}" is an .xls workbook, but the file is damaged and cannot be read; open it in Excel and save it as .xlsx.',
  },
  'problem.xlsPassword': {
    'zh-CN': '“{name}”设有打开密码；请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx。',
    'zh-TW': '「{name}」設有開啟密碼；請在 Excel 中開啟，移除密碼後另存為 .xlsx。',
    en: '"{name}" is protected with a password; open it in Excel, remove the password and save it as .xlsx.',
  },
  'problem.xlsTooOld': {
    'zh-CN': '“{name}”是 Excel 95 或更早版本的工作簿；请在 Excel 或 WPS 中打开并另存为 .xlsx。',
    'zh-TW': '「{name}」是 Excel 95 或更早版本的活頁簿；請在 Excel 中開啟並另存為 .xlsx。',
    en: '"{name}" is a workbook from Excel 95 or earlier; open it in Excel and save it as .xlsx.',
  },
  'problem.xlsNoWorkbook': {
    'zh-CN': '“{name}”不是 Excel 工作簿（可能是 Word 文档）；请从银行重新导出 .xlsx 或 CSV。',
    'zh-TW': '「{name}」不是 Excel 活頁簿（可能是 Word 文件）；請從銀行重新匯出 .xlsx 或 CSV。',
    en: '"{name}" holds no Excel workbook (perhaps it is a Word document); export the statement again as .xlsx or CSV.',
  },
  'problem.htmlAsXls': {
    'zh-CN': '“{name}”其实是网页（HTML），只是扩展名是 .xls，而且其中没有表格；请从银行重新导出 .xlsx 或 CSV。',
    'zh-TW': '「{name}」其實是網頁（HTML），只是副檔名是 .xls，而且其中沒有表格；請從銀行重新匯出 .xlsx 或 CSV。',
    en: '"{name}" is a web page (HTML) saved with an .xls name, with no table in it; export the statement again as .xlsx or CSV.',
  },
  'problem.ofxNoStatement': {
    'zh-CN': '“{name}”是 OFX 文件，但其中没有银行或信用卡对账单（可能是投资账户的下载）；请下载该账户的对账单。',
    'zh-TW': '「{name}」是 OFX 檔案，但其中沒有銀行或信用卡對帳單（可能是投資帳戶的下載）；請下載該帳戶的對帳單。',
    en: '"{name}" is an OFX file, but it holds no bank or card statement (an investment download?); download the account’s statement.',
  },
  'problem.ofxDamaged': {
    'zh-CN': '“{name}”有 OFX 文件头，但没有对账单内容；请重新下载。',
    'zh-TW': '「{name}」有 OFX 檔頭，但沒有對帳單內容；請重新下載。',
    en: '"{name}" has an OFX header but no statement in it; download it again.',
  },
  'problem.xlsAsCsv': {
    'zh-CN': '“{name}”其实是 .xls 工作簿，只是扩展名是 .csv；请把扩展名改回 .xls 再打开。',
    'zh-TW': '「{name}」其實是 .xls 活頁簿，只是副檔名是 .csv；請把副檔名改回 .xls 再開啟。',
    en: '"{name}" is an .xls workbook with a .csv name; rename it to .xls and open it again.',
  },
  'problem.zipAsCsv': {
    'zh-CN': '“{name}”是压缩文件（可能是改了扩展名的 .xlsx 工作簿），请改回它原来的扩展名。',
    'zh-TW': '「{name}」是壓縮檔（可能是改了副檔名的 .xlsx 活頁簿），請改回它原來的副檔名。',
    en: '"{name}" is a zipped file (perhaps an .xlsx workbook renamed to .csv); give it its real extension.',
  },
  'problem.unsupportedType': {
    'zh-CN': '“{name}”：这里只能打开 .xlsx、.xls、.csv 和 OFX/QFX 文件。',
    'zh-TW': '「{name}」：這裡只能開啟 .xlsx、.xls、.csv 和 OFX/QFX 檔案。',
    en: '"{name}": only .xlsx, .xls, .csv and OFX/QFX files can be opened here.',
  },
  'problem.readFailed': {
    'zh-CN': '“{name}”无法读取（{detail}）。',
    'zh-TW': '「{name}」無法讀取（{detail}）。',
    en: '"{name}" could not be read ({detail}).',
  },
  'problem.downloadFailed': {
    'zh-CN': '无法生成对账结果文件（{detail}）。',
    'zh-TW': '無法產生對帳結果檔案（{detail}）。',
    en: 'The reconciled workbook could not be saved ({detail}).',
  },

  'kind.png': { 'zh-CN': ' PNG 图片', 'zh-TW': ' PNG 圖片', en: 'a PNG image' },
  'kind.jpeg': { 'zh-CN': ' JPEG 图片', 'zh-TW': ' JPEG 圖片', en: 'a JPEG image' },
  'kind.gif': { 'zh-CN': ' GIF 图片', 'zh-TW': ' GIF 圖片', en: 'a GIF image' },
  'kind.pdf': { 'zh-CN': ' PDF 文档', 'zh-TW': ' PDF 文件', en: 'a PDF document' },
  'kind.binary': { 'zh-CN': '二进制数据而不是文本', 'zh-TW': '二進位資料而不是文字', en: 'binary data rather than text' },
} as const satisfies Record<string, Record<Locale, string>>;

export type StandaloneMessageId = keyof typeof STANDALONE_MESSAGES;

export type TextParams = Record<string, string | number>;

export function standaloneText(id: StandaloneMessageId, locale: Locale, params: TextParams = {}): string {
  const template: string = STANDALONE_MESSAGES[id][locale];
  return fillTemplate(template, params);
}

/** 52428800 → "50.0 MB" (the size a file manager shows). */
export function formatFileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
