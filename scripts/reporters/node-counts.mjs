// node:test reporter that writes {passed, failed} of the leaf tests to its destination.
export default async function* counts(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite failing outside its tests (a hook, an import) still counts as one failure.
      if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed') failed += 1;
      continue;
    }
    if (event.type === 'test:pass') passed += 1;
    else failed += 1;
  }
  yield JSON.stringify({ passed, failed });
}
