/**
 * The reconciliation statement's inputs: the period end, and the book and bank balances for files
 * that carry none. One field per STATEMENT_OPTIONS entry (the same table the command line's flags
 * come from), each checked with the same parser; empty means "from the data".
 */
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { parseStatementOption, STATEMENT_OPTIONS, type StatementOptionKey } from '../../engine/report/statement-options';
import { usePaneText } from '../pane-text';

export type StatementTexts = Partial<Record<StatementOptionKey, string>>;
// (The pane keeps the texts as plain strings; this lazily loaded part owns the parsing.)

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  field: { width: '11em' },
});

/** The keys whose text is not a valid value (empty is valid: taken from the data). */
export function invalidStatementTexts(texts: StatementTexts): StatementOptionKey[] {
  return STATEMENT_OPTIONS.filter((o) => (texts[o.key] ?? '').trim() !== '' && !parseStatementOption(o.kind, texts[o.key]!).ok).map((o) => o.key);
}

interface Props {
  texts: StatementTexts;
  disabled: boolean;
  /** The texts, and whether every one is empty or valid. */
  onChange: (texts: StatementTexts, valid: boolean) => void;
}

export default function StatementInputs({ texts, disabled, onChange }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const invalid = new Set(invalidStatementTexts(texts));
  return (
    <div className={styles.row}>
      {STATEMENT_OPTIONS.map((option) => (
        <Field
          key={option.key}
          label={t(`statement.${option.key}`)}
          hint={t('statement.fromData')}
          {...(invalid.has(option.key) ? { validationState: 'error' as const, validationMessage: t(`statement.${option.kind}.invalid`) } : {})}
        >
          <Input
            className={styles.field}
            value={texts[option.key] ?? ''}
            disabled={disabled}
            placeholder={option.kind === 'date' ? '2025-03-31' : '125,890.00'}
            onChange={(_, data) => {
              const next = { ...texts, [option.key]: data.value };
              onChange(next, invalidStatementTexts(next).length === 0);
            }}
          />
        </Field>
      ))}
    </div>
  );
}
