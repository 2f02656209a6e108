/**
 * The reconciliation statement's inputs: the period end, and the book and bank balances for files
 * that carry none. One field per RECONCILIATION_OPTIONS entry (the same table the command line's flags
 * come from), each checked with the same parser; empty means "from the data".
 */
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { parseReconciliationOption, RECONCILIATION_OPTIONS, type ReconciliationOptionKey } from '../../engine/report/reconciliation-options';
import { usePaneText } from '../pane-text';

export type ReconciliationTexts = Partial<Record<ReconciliationOptionKey, string>>;
// (The pane keeps the texts as plain strings; this lazily loaded part owns the parsing.)

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  field: { width: '11em' },
});

/** The keys whose text is not a valid value (empty is valid: taken from the data). */
export function invalidReconciliationTexts(texts: ReconciliationTexts): ReconciliationOptionKey[] {
  return RECONCILIATION_OPTIONS.filter((o) => (texts[o.key] ?? '').trim() !== '' && !parseReconciliationOption(o.kind, texts[o.key]!).ok).map((o) => o.key);
}

interface Props {
  texts: ReconciliationTexts;
  disabled: boolean;
  /** The texts, and whether every one is empty or valid. */
  onChange: (texts: ReconciliationTexts, valid: boolean) => void;
}

export default function ReconciliationInputs({ texts, disabled, onChange }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const invalid = new Set(invalidReconciliationTexts(texts));
  return (
    <div className={styles.row}>
      {RECONCILIATION_OPTIONS.map((option) => (
        <Field
          key={option.key}
          label={t(`reconciliation.${option.key}`)}
          hint={t('reconciliation.fromData')}
          {...(invalid.has(option.key) ? { validationState: 'error' as const, validationMessage: t(`reconciliation.${option.kind}.invalid`) } : {})}
        >
          <Input
            className={styles.field}
            value={texts[option.key] ?? ''}
            disabled={disabled}
            placeholder={option.kind === 'date' ? '2025-03-31' : '125,890.00'}
            onChange={(_, data) => {
              const next = { ...texts, [option.key]: data.value };
              onChange(next, invalidReconciliationTexts(next).length === 0);
            }}
          />
        </Field>
      ))}
    </div>
  );
}
