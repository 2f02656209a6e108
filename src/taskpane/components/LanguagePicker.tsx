/** Switches the pane's language (and the language of what the next run writes). */
import { Select } from '@fluentui/react-components';
import type { Locale } from '../../i18n/locale';
import { PANE_LOCALES } from '../../i18n/pane';
import { usePaneText } from '../pane-text';

interface Props {
  onChange: (locale: Locale) => void;
}

export function LanguagePicker({ onChange }: Props) {
  const { locale, t } = usePaneText();
  return (
    <Select size="small" aria-label={t('language.label')} value={locale} onChange={(_, data) => onChange(data.value as Locale)}>
      {PANE_LOCALES.map((option) => (
        <option key={option.locale} value={option.locale}>
          {option.name}
        </option>
      ))}
    </Select>
  );
}
