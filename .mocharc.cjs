// One mocha run over every package's compiled tests, so `npm test` prints one summary.
module.exports = {
  spec: [
    'core/dist/test/**/*.test.js',
    'plugins/*/dist/test/**/*.test.js',
    'training/dist/test/**/*.test.js',
    'adapters/*/dist/test/**/*.test.js',
    'examples/*/dist/test/**/*.test.js',
  ],
  reporter: require.resolve('./scripts/mocha-summary-reporter.cjs'),
  timeout: 20000,
  exit: true,
};
