/**
 * Where one side's data is: a typed address, the current selection, or a whole sheet (its used
 * range). An Excel table works too: select any cell in it (Workbook.readValues takes the table).
 */
import { Button, Field, Input, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { usePaneText } from '../pane-text';
import type { SideSetup } from '../state/use-side-setup';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '140px' },
  status: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface Props {
  setup: SideSetup;
  sheetNames: string[];
  disabled: boolean;
}

export function RangePicker({ setup, sheetNames, disabled }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const { state } = setup;
  const busy = state.status === 'reading' || state.status === 'detecting';
  const read = () => {
    if (state.address.trim() && !busy && !disabled) void setup.choose(state.address);
  };

  return (
    <>
      <div className={styles.row}>
        <Field className={styles.grow} label={t('range.address.label')}>
          <Input
            value={state.address}
            placeholder={t('range.address.placeholder')}
            disabled={disabled}
            onChange={(_, data) => setup.setAddress(data.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') read();
            }}
          />
        </Field>
        <Button disabled={disabled || busy || !state.address.trim()} onClick={read}>
          {t('range.read')}
        </Button>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled || busy} onClick={() => void setup.chooseSelection()}>
          {t('range.useSelection')}
        </Button>
        <Field className={styles.grow} label={t('range.sheet.label')}>
          <Select
            value=""
            disabled={disabled || busy || sheetNames.length === 0}
            onChange={(_, data) => {
              if (data.value) void setup.choose(data.value);
            }}
          >
            <option value="">{t('range.sheet.placeholder')}</option>
            {sheetNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {busy && (
        <div className={styles.status}>
          <Spinner size="extra-tiny" />
          <Text size={200}>{t(state.status === 'reading' ? 'range.reading' : 'range.detecting')}</Text>
        </div>
      )}
    </>
  );
}
