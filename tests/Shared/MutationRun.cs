// Mutation runs (tests/mutation, with DAILYPAPERS_MUTATION=1) run the tests one at a time: Stryker tells which tests
// cover each mutant by recording what runs between a test's start and end, and tests running side by side would be
// credited with each other's code, leaving mutants "survived" that a test does kill.
#if DAILYPAPERS_MUTATION
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
#endif
