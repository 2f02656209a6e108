/** The demo's file name per language (the download adds `-reconciled`). Kept apart from demo-file.ts, which pulls in exceljs. */
import type { DemoLocale } from '../../generator/demo';

export const DEMO_FILE_NAME: Record<DemoLocale, string> = {
  'zh-CN': '对账示例.xlsx',
  'zh-TW': '對帳範例.xlsx',
  en: 'recon-demo.xlsx',
};
