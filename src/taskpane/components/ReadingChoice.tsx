/**
 * When the reader could not tell how to read a side (its readings close on the evidence), the pane
 * says so and offers each reading with what it gives; picking one sets the side's kind and reruns.
 */
import { MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import type { ReadingOption, ReadingSummary } from '../../engine/types';
import { formatReadText, readingName } from '../../i18n/read-texts';
import { usePaneText } from '../pane-text';

interface Props {
  reading: ReadingSummary;
  disabled?: boolean;
  onPick: (option: ReadingOption) => void;
}

export default function ReadingChoice({ reading, disabled, onPick }: Props) {
  const { locale } = usePaneText();
  // a card's signs cannot be picked as a kind: such a doubt is a refusal that names the column instead
  const options = [reading.chosen, ...reading.alternatives].filter((option) => !option.key.endsWith('-flipped'));
  const label = (option: ReadingOption) => {
    const name = readingName(option.key, locale);
    if (option.meets === undefined || option.lines === undefined) return name;
    const figures = formatReadText({ code: 'choice-figures', params: { meets: option.meets, lines: option.lines } }, locale);
    return locale === 'en' ? `${name}: ${figures}` : `${name}：${figures}`;
  };
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {formatReadText({ code: 'reading-doubtful-pane', params: {} }, locale)}
        <RadioGroup
          value={reading.chosen.key}
          disabled={disabled}
          onChange={(_, data) => {
            const picked = options.find((option) => option.key === data.value);
            if (picked) onPick(picked);
          }}
        >
          {options.map((option) => (
            <Radio key={option.key} value={option.key} label={label(option)} />
          ))}
        </RadioGroup>
      </MessageBarBody>
    </MessageBar>
  );
}
