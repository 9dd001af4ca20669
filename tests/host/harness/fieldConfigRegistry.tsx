/**
 * The standard field config options Grafana core registers at boot (`standardFieldConfigEditorRegistry.setInit(...)`):
 * unit, min/max, decimals, display name, colour scheme, no value, thresholds, value mappings, data links. A panel that
 * calls `useFieldConfig()` gets these in its registry, and Grafana's query runner applies their defaults (e.g. the
 * classic palette colour per series) before the panel sees the frames. Processors come from @grafana/data.
 */
import React from 'react';
import {
  FieldColorModeId,
  FieldConfigProperty,
  FieldType,
  ThresholdsMode,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
  booleanOverrideProcessor,
  type Field,
  type FieldConfigPropertyItem,
  type StandardEditorProps,
} from '@grafana/data';

const isNumber = (field: Field) => field.type === FieldType.number;
const always = () => true;

/** Structured options (thresholds, mappings, links) get a read-only view: the host never edits them. */
const JsonView = ({ value }: StandardEditorProps) => <pre>{JSON.stringify(value ?? null, null, 2)}</pre>;

function item(
  id: string,
  name: string,
  editorId: string | undefined,
  process: FieldConfigPropertyItem['process'],
  shouldApply: (field: Field) => boolean,
  defaultValue?: unknown
): FieldConfigPropertyItem {
  const editor = editorId ? standardEditorsRegistry.get(editorId).editor : JsonView;
  return { id, path: id, name, category: ['Standard options'], editor, override: editor, process, shouldApply, defaultValue, settings: {} };
}

export function registerStandardFieldConfigs(): void {
  standardFieldConfigEditorRegistry.setInit(() => [
    item(FieldConfigProperty.Unit, 'Unit', 'unit', unitOverrideProcessor, isNumber),
    item(FieldConfigProperty.Min, 'Min', 'number', numberOverrideProcessor, isNumber),
    item(FieldConfigProperty.Max, 'Max', 'number', numberOverrideProcessor, isNumber),
    item(FieldConfigProperty.FieldMinMax, 'Field min/max', 'boolean', booleanOverrideProcessor, isNumber),
    item(FieldConfigProperty.Decimals, 'Decimals', 'number', numberOverrideProcessor, isNumber),
    item(FieldConfigProperty.DisplayName, 'Display name', 'text', displayNameOverrideProcessor, always),
    item(FieldConfigProperty.Color, 'Color scheme', undefined, identityOverrideProcessor, always, { mode: FieldColorModeId.Thresholds }),
    item(FieldConfigProperty.NoValue, 'No value', 'text', stringOverrideProcessor, always),
    item(FieldConfigProperty.Thresholds, 'Thresholds', undefined, thresholdsOverrideProcessor, always, {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 80, color: 'red' },
      ],
    }),
    item(FieldConfigProperty.Mappings, 'Value mappings', undefined, valueMappingsOverrideProcessor, always, []),
    item(FieldConfigProperty.Links, 'Data links', undefined, dataLinksOverrideProcessor, always),
  ]);
}
