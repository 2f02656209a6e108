/**
 * What the reader made of one side: header row, kind of book, sign convention, each column's
 * role, and the first entries as parsed. Every control corrects the detection and re-reads.
 * Loaded lazily: it pulls in the table components, which the first screen does not need.
 */
import { useState } from 'react';
import { Field, Input, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SideKind } from '../../engine/types';
import { DATE_ORDERS, type DateOrder } from '../../engine/read/calendar-day';
import { kindText } from '../../i18n/pane';
import { formatReadText } from '../../i18n/read-texts';
import { usePaneText } from '../pane-text';
import type { SideSetup as SideSetupControl } from '../state/use-side-setup';
import { ColumnRoleTable } from './ColumnRoleTable';
import { blockHeight } from '../../workbook/layout/widest-row';
import { EntryPreview } from './EntryPreview';
import { IssueList } from './IssueList';
import ReadingChoice from './ReadingChoice';

const KINDS: SideKind[] = ['cash-journal', 'receivables-ledger', 'payables-ledger', 'bank-statement', 'card-statement'];

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  headerRow: { width: '6em' },
  decisions: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

interface Props {
  setup: SideSetupControl;
  disabled: boolean;
}

export default function SideSetup({ setup, disabled }: Props) {
  const styles = useStyles();
  const { locale, t } = usePaneText();
  const { block, detection, corrections } = setup.state;
  // What the user is typing, for the detection it was typed over; a new detection shows its own row at
  // once (derived in render, not copied in by an effect, so the field is never blank for a frame).
  const [typed, setTyped] = useState<{ over: typeof detection; text: string } | null>(null);
  const headerRowText = typed && typed.over === detection ? typed.text : detection && detection.headerRow > 0 ? String(detection.headerRow) : '';
  const setHeaderRowText = (text: string) => setTyped({ over: detection, text });
  if (!block || !detection) return null;

  const busy = disabled || setup.state.status !== 'ready';
  const applyHeaderRow = () => {
    const row = Number(headerRowText);
    const lastRow = block.top + blockHeight(block) - 1;
    if (Number.isInteger(row) && row >= block.top && row <= lastRow && row !== detection.headerRow) setup.setHeaderRow(row);
  };

  return (
    <div className={styles.stack}>
      <Text size={200}>
        {t('range.summary', { address: block.address, entries: detection.entryCount, skipped: detection.skippedCount })}
      </Text>
      <div className={styles.row}>
        <Field label={t('setup.headerRow')} hint={detection.headerRow === 0 ? t('setup.noHeader') : undefined}>
          <Input
            className={styles.headerRow}
            type="number"
            value={headerRowText}
            disabled={busy}
            onChange={(_, data) => setHeaderRowText(data.value)}
            onBlur={applyHeaderRow}
            onKeyDown={(event) => {
              if (event.key === 'Enter') applyHeaderRow();
            }}
          />
        </Field>
        <Field label={t('setup.kind')}>
          <Select value={detection.kind} disabled={busy} onChange={(_, data) => setup.setKind(data.value as SideKind)}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindText(kind, locale)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {(detection.dateOrder || corrections.dateOrder) && (
        <Field label={t('setup.dateOrder')} hint={detection.dateOrder ? t('setup.dateOrder.hint', { example: detection.dateOrder.example }) : undefined}>
          <Select
            value={corrections.dateOrder ?? 'auto'}
            disabled={busy}
            onChange={(_, data) => setup.setDateOrder(data.value === 'auto' ? undefined : (data.value as DateOrder))}
          >
            <option value="auto">{t('setup.dateOrder.auto', { order: t(`setup.dateOrder.${detection.dateOrder?.order ?? 'MDY'}`) })}</option>
            {DATE_ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(`setup.dateOrder.${order}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {detection.reading?.doubtful && !detection.reading.given && (
        <ReadingChoice reading={detection.reading} disabled={busy} onPick={(option) => setup.setReading(option.kind, option.oppositeSigns)} />
      )}
      <Switch
        label={t('setup.oppositeSigns')}
        checked={corrections.oppositeSigns ?? false}
        disabled={busy}
        onChange={(_, data) => setup.setOppositeSigns(data.checked)}
      />
      <Text weight="semibold">{t('setup.columns')}</Text>
      <ColumnRoleTable
        block={block}
        headerRow={detection.headerRow}
        headerCells={detection.headerCells}
        columns={detection.columns}
        disabled={busy}
        onRoleChange={(column, role) => setup.setRole(column, role)}
      />
      <Text weight="semibold">{t('preview.title')}</Text>
      <EntryPreview entries={detection.preview} />
      <IssueList issues={detection.issues} total={detection.issueCount} />
      {detection.decisions.length > 0 && (
        <details>
          <summary>
            <Text size={200}>{t('setup.decisions')}</Text>
          </summary>
          <ul className={styles.decisions}>
            {detection.decisions.map((decision, index) => (
              <li key={index}>
                <Text size={200}>{formatReadText(decision, locale)}</Text>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
