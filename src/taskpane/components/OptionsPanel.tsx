/**
 * Matching options with the engine's defaults: how far apart dates may be, the amount tolerance,
 * combined/instalment groups, and how strictly names must agree. Loaded lazily.
 */
import { Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { NameStrictness } from '../../engine/types';
import { strictnessText } from '../../i18n/pane';
import { usePaneText } from '../pane-text';
import type { OptionsDraft, OptionsErrors } from '../state/options-draft';

const STRICTNESS: NameStrictness[] = ['strict', 'normal', 'loose'];

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  short: { width: '8em' },
});

interface Props {
  draft: OptionsDraft;
  errors: OptionsErrors;
  disabled: boolean;
  onChange: (draft: OptionsDraft) => void;
}

export default function OptionsPanel({ draft, errors, disabled, onChange }: Props) {
  const styles = useStyles();
  const { locale, t } = usePaneText();
  const set = <K extends keyof OptionsDraft>(key: K, value: OptionsDraft[K]) => onChange({ ...draft, [key]: value });
  const invalid = (key: keyof OptionsDraft) => (errors[key] ? { validationState: 'error' as const, validationMessage: t(errors[key]!.id, errors[key]!.params) } : {});

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field label={t('options.dateWindow')} {...invalid('dateWindowDays')}>
          <Input
            className={styles.short}
            inputMode="numeric"
            value={draft.dateWindowDays}
            disabled={disabled}
            onChange={(_, data) => set('dateWindowDays', data.value)}
          />
        </Field>
        <Field label={t('options.referenceWindow')} hint={t('options.referenceWindow.hint')} {...invalid('referenceWindowDays')}>
          <Input
            className={styles.short}
            inputMode="numeric"
            value={draft.referenceWindowDays}
            disabled={disabled}
            onChange={(_, data) => set('referenceWindowDays', data.value)}
          />
        </Field>
        <Field label={t('options.tolerance')} hint={t('options.tolerance.hint')} {...invalid('tolerance')}>
          <Input
            className={styles.short}
            inputMode="decimal"
            value={draft.tolerance}
            disabled={disabled}
            onChange={(_, data) => set('tolerance', data.value)}
          />
        </Field>
      </div>
      <Switch
        label={t('options.allowCombined')}
        checked={draft.allowCombined}
        disabled={disabled}
        onChange={(_, data) => set('allowCombined', data.checked)}
      />
      <Switch
        label={t('options.allowInstalments')}
        checked={draft.allowInstalments}
        disabled={disabled}
        onChange={(_, data) => set('allowInstalments', data.checked)}
      />
      <div className={styles.row}>
        <Field label={t('options.maxGroupSize')} {...invalid('maxGroupSize')}>
          <Input
            className={styles.short}
            inputMode="numeric"
            value={draft.maxGroupSize}
            disabled={disabled || !(draft.allowCombined || draft.allowInstalments)}
            onChange={(_, data) => set('maxGroupSize', data.value)}
          />
        </Field>
        <Field label={t('options.nameStrictness')}>
          <Select
            value={draft.nameStrictness}
            disabled={disabled}
            onChange={(_, data) => set('nameStrictness', data.value as NameStrictness)}
          >
            {STRICTNESS.map((strictness) => (
              <option key={strictness} value={strictness}>
                {strictnessText(strictness, locale)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </div>
  );
}
