/**
 * The standard panel option editors Grafana core registers at boot (`standardEditorsRegistry.setInit(...)`).
 * PanelOptionsEditorBuilder looks its editors up by id while a plugin declares options, so without them even
 * computing a panel's default options throws (`"slider" not found`). These are small real editors on @grafana/ui;
 * the host never opens a panel editor, but each id a builder method uses resolves to a working component.
 */
import React from 'react';
import { standardEditorsRegistry, type SelectableValue, type StandardEditorProps, type StandardEditorsRegistryItem } from '@grafana/data';
import { ColorPicker, Input, MultiSelect, RadioButtonGroup, Select, Slider, Switch, UnitPicker } from '@grafana/ui';

type Props = StandardEditorProps;
type OptionSettings = { options?: Array<SelectableValue<unknown>> };

const NumberEditor = ({ value, onChange, id }: Props) => (
  <Input id={id} type="number" value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))} />
);
const TextEditor = ({ value, onChange, id }: Props) => (
  <Input id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />
);
const StringsEditor = ({ value, onChange, id }: Props) => (
  <Input id={id} value={(value ?? []).join(', ')} onChange={(e) => onChange(e.currentTarget.value.split(',').map((s) => s.trim()).filter(Boolean))} />
);
const SliderEditor = ({ value, onChange, item, id }: Props) => {
  const s = (item.settings ?? {}) as { min?: number; max?: number; step?: number };
  return <Slider inputId={id ?? item.id} min={s.min ?? 0} max={s.max ?? 100} step={s.step} value={value} onChange={(v) => onChange(v)} />;
};
const SelectEditor = ({ value, onChange, item }: Props) => (
  <Select options={(item.settings as OptionSettings)?.options ?? []} value={value} onChange={(v) => onChange(v.value)} />
);
const MultiSelectEditor = ({ value, onChange, item }: Props) => (
  <MultiSelect options={(item.settings as OptionSettings)?.options ?? []} value={value} onChange={(v) => onChange(v.map((o) => o.value))} />
);
const RadioEditor = ({ value, onChange, item }: Props) => (
  <RadioButtonGroup options={(item.settings as OptionSettings)?.options ?? []} value={value} onChange={onChange} />
);
const BooleanEditor = ({ value, onChange, id }: Props) => (
  <Switch id={id} value={!!value} onChange={(e) => onChange(e.currentTarget.checked)} />
);
const ColorEditor = ({ value, onChange }: Props) => <ColorPicker color={value ?? 'green'} onChange={onChange} />;
const UnitEditor = ({ value, onChange }: Props) => <UnitPicker value={value} onChange={onChange} />;

export function registerStandardOptionEditors(): void {
  const items: StandardEditorsRegistryItem[] = [
    { id: 'number', name: 'Number', editor: NumberEditor },
    { id: 'slider', name: 'Slider', editor: SliderEditor },
    { id: 'text', name: 'Text', editor: TextEditor },
    { id: 'strings', name: 'String array', editor: StringsEditor },
    { id: 'select', name: 'Select', editor: SelectEditor },
    { id: 'multi-select', name: 'Multi select', editor: MultiSelectEditor },
    { id: 'radio', name: 'Radio', editor: RadioEditor },
    { id: 'boolean', name: 'Boolean', editor: BooleanEditor },
    { id: 'color', name: 'Color', editor: ColorEditor },
    { id: 'unit', name: 'Unit', editor: UnitEditor },
    // field and time zone pickers need Grafana core's data context; text stands in (not used by Hotpath)
    { id: 'field-name', name: 'Field name', editor: TextEditor },
    { id: 'timezone', name: 'Time zone', editor: TextEditor },
  ];
  standardEditorsRegistry.setInit(() => items);
}
