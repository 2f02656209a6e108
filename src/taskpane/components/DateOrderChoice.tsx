/**
 * When the two sides write dates that fit both orders in opposite orders (a UK book's 01/05/2023
 * against a Canadian bank's 05/01/2023), only the user knows which side writes the day first: the
 * pane says so and offers both; picking one sets that side's order and reruns (the other side's
 * order then follows from the data).
 */
import { MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import type { DateOrderReading, Side } from '../../engine/types';
import { formatReadText } from '../../i18n/read-texts';
import { usePaneText } from '../pane-text';

interface Props {
  ledger: DateOrderReading;
  bank: DateOrderReading;
  disabled?: boolean;
  /** The side that writes the day first. */
  onPick: (side: Side) => void;
}

export default function DateOrderChoice({ ledger, bank, disabled, onPick }: Props) {
  const { locale, t } = usePaneText();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {formatReadText({ code: 'date-order-doubtful-pane', params: { ledgerExample: ledger.example, bankExample: bank.example } }, locale)}
        <RadioGroup value="" disabled={disabled} onChange={(_, data) => onPick(data.value === 'bank' ? 'bank' : 'ledger')}>
          <Radio value="ledger" label={t('setup.dateOrder.ledgerDayFirst', { example: ledger.example })} />
          <Radio value="bank" label={t('setup.dateOrder.bankDayFirst', { example: bank.example })} />
        </RadioGroup>
      </MessageBarBody>
    </MessageBar>
  );
}
