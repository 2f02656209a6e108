/**
 * Customer statements: on or off, our company's name (kept in the workbook), the period and the
 * statement date (both optional). Loaded lazily with the options.
 */
import { Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { usePaneText } from '../pane-text';
import type { StatementsDraft, StatementsErrors } from '../state/statements-draft';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  short: { width: '11em' },
});

interface Props {
  draft: StatementsDraft;
  errors: StatementsErrors;
  disabled: boolean;
  onChange: (draft: StatementsDraft) => void;
}

export default function StatementsPanel({ draft, errors, disabled, onChange }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const set = <K extends keyof StatementsDraft>(key: K, value: StatementsDraft[K]) => onChange({ ...draft, [key]: value });
  const invalid = (key: keyof StatementsErrors) => (errors[key] ? { validationState: 'error' as const, validationMessage: t(errors[key]!) } : {});
  return (
    <div className={styles.stack}>
      <Switch label={t('statements.enable')} checked={draft.enabled} disabled={disabled} onChange={(_, data) => set('enabled', data.checked)} />
      {draft.enabled && (
        <>
          <Field label={t('statements.company')} hint={t('statements.company.hint')}>
            <Input value={draft.company} disabled={disabled} onChange={(_, data) => set('company', data.value)} />
          </Field>
          <div className={styles.row}>
            <Field label={t('statements.period')} hint={t('statements.period.hint')} {...invalid('period')}>
              <Input className={styles.short} placeholder="2025-03" value={draft.period} disabled={disabled} onChange={(_, data) => set('period', data.value)} />
            </Field>
            <Field label={t('statements.date')} hint={t('statements.date.hint')} {...invalid('statementDate')}>
              <Input className={styles.short} placeholder="2025-03-31" value={draft.statementDate} disabled={disabled} onChange={(_, data) => set('statementDate', data.value)} />
            </Field>
          </div>
        </>
      )}
    </div>
  );
}
