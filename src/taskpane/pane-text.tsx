/**
 * The pane's language as React context: components call `usePaneText()` and get `t(id, params)`
 * in the language the user chose (Office's display language until they switch).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../i18n/locale';
import { paneText, type PaneMessageId } from '../i18n/pane';

export interface PaneText {
  locale: Locale;
  t: (id: PaneMessageId, params?: Record<string, string | number>) => string;
}

const PaneTextContext = createContext<PaneText>({ locale: 'zh-CN', t: (id, params) => paneText(id, 'zh-CN', params) });

export function PaneTextProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<PaneText>(() => ({ locale, t: (id, params) => paneText(id, locale, params) }), [locale]);
  return <PaneTextContext.Provider value={value}>{children}</PaneTextContext.Provider>;
}

export function usePaneText(): PaneText {
  return useContext(PaneTextContext);
}
