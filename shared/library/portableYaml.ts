import { stringify } from 'yaml';

/**
 * YAML for files that leave Calma. The `yaml` package writes YAML 1.2, where `20:00`, `yes`, `off`
 * or `0b101` are plain strings; but many readers (PyYAML, Ruby's Psych, spreadsheets' importers,
 * older Go and Java libraries) still follow YAML 1.1 and read them as a number (sexagesimal 1200),
 * a boolean or a date. `compat: 'yaml-1.1'` makes the stringifier quote any string that either
 * schema would read as something else, so the file means the same thing to both; Calma's own
 * importer (YAML 1.2) reads it back unchanged. `lineWidth: 0`: no folding, long texts stay on one
 * line so that a diff of two exports shows the sentence that changed.
 */
export function toPortableYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, compat: 'yaml-1.1' });
}
