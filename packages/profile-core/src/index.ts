// Public API of @hotpath/profile-core. Everything the app, the panel and the CLI use comes through here;
// names listed in README.md are stable.
export { ProfileError, isProfileError, type ProfileErrorCode } from './model/ProfileError';
export { DEFAULT_LIMITS, OTHER_NODE, TRUNCATED_FRAME, type ProfileLimits } from './model/limits';
export type {
  Profile,
  ValueType,
  FunctionTable,
  LocationTable,
  MappingTable,
  SampleTable,
  ProfileWarning,
} from './model/Profile';
export type { StringTable } from './model/StringTable';
export { ProfileBuilder, type BuilderLine, type BuilderLabel } from './model/ProfileBuilder';
export { decodeProfile } from './pprof/decodeProfile';
export { decodeProfileAsync } from './pprof/decodeProfileAsync';
export { sniffFormat, type SniffedFormat } from './pprof/sniffFormat';
export { encodePprof, type EncodeOptions } from './pprof/encodePprof';
export { resolveSampleType, type SampleTypeRef } from './transform/resolveSampleType';
export type { StackFilter } from './transform/StackFilter';
export { topTable, type TopTable, type TopRow, type TopOptions } from './transform/topTable';
export { buildFlameGraph, type FlameGraphOptions } from './layout/buildFlameGraph';
export type { FlameLevels } from './layout/FlameLevels';
export { sandwich, type Sandwich, type SandwichOptions } from './transform/sandwich';
export { searchProfile, type SearchResult, type SearchOptions } from './transform/searchProfile';
export { mergeProfiles, scaleProfile, subtractProfile, type MergeInput } from './transform/mergeProfiles';
export { filterProfile } from './transform/filterProfile';
export {
  diffProfiles,
  type DiffMode,
  type DiffRow,
  type ProfileDiff,
  type DiffOptions,
} from './transform/diffProfiles';
export { buildDiffFlameGraph, type DiffFlameGraphOptions } from './layout/buildDiffFlameGraph';
export {
  findSuspects,
  type Suspect,
  type SuspectFrame,
  type SuspectOptions,
  type SuspectReport,
} from './transform/findSuspects';
export { SUSPECT_RULES, type SuspectRule, type SuspectCause } from './transform/suspectRules';
export { rankProfileTypes, type ProfileTypePair, type ProfileTypeChange } from './transform/rankProfileTypes';
export { foldedLines, type FoldedOptions } from './transform/foldedLines';
export { formatValue } from './format/formatValue';
