import { expect } from 'chai';
import {
  createWardenContainer, definePlugin, registerPlugins, resolveOptions, TOKENS, WardenConfigError, type WardenPlugin,
} from '../src/index.js';

const sessionizerDouble = (name: string): WardenPlugin => definePlugin({
  name, provides: ['Sessionizer'],
  register(c) {
    c.register(TOKENS.Sessionizer, { useValue: { name, assign: () => 's', onSessionClosed: () => () => {}, sweep() {}, closeAll() {} } });
  },
});
const featureDouble = (name: string, features: string[]): WardenPlugin => definePlugin({
  name, provides: ['FeatureExtractor'],
  register(c) {
    c.register(TOKENS.FeatureExtractor, { useValue: { name, features, extract: () => ({}) } });
  },
});

async function register(plugins: unknown[]) {
  const c = createWardenContainer();
  await registerPlugins(c, plugins as WardenPlugin[], resolveOptions({}));
  return c;
}

async function refusal(plugins: unknown[]): Promise<WardenConfigError> {
  try {
    await register(plugins);
  } catch (err) {
    expect(err).to.be.instanceOf(WardenConfigError);
    return err as WardenConfigError;
  }
  throw new Error('registration should have been refused');
}

describe('plugin registration', () => {
  it('binds what each plugin provides', async () => {
    const c = await register([sessionizerDouble('s'), featureDouble('a', ['x']), featureDouble('b', ['y'])]);
    expect(c.resolve(TOKENS.Sessionizer).name).to.equal('s');
    expect(c.resolveAll(TOKENS.FeatureExtractor).map((e) => e.name)).to.deep.equal(['a', 'b']);
  });

  it('refuses an unknown port, naming the plugin and the known ports', async () => {
    const err = await refusal([{ name: 'geo', provides: ['GeoLocator'], register() {} }]);
    expect(err.message).to.match(/Plugin "geo" provides unknown port "GeoLocator". Known ports: Storage, Sessionizer/);
  });

  it('refuses a missing dependency, saying what to add', async () => {
    const err = await refusal([{ ...featureDouble('needy', ['z']), needs: ['features-default'] }]);
    expect(err.message).to.equal('Plugin "needy" needs plugin "features-default"; add it to plugins in your config.');
  });

  it('refuses duplicate feature names, naming both extractors', async () => {
    const err = await refusal([featureDouble('a', ['numOfReqs']), featureDouble('b', ['numOfReqs'])]);
    expect(err.message).to.match(/Feature "numOfReqs" is produced by both "a" and "b"/);
  });

  it('refuses two providers of a single port', async () => {
    const err = await refusal([sessionizerDouble('one'), sessionizerDouble('two')]);
    expect(err.message).to.match(/"one" and "two" both provide Sessionizer/);
  });

  it('refuses a plugin factory listed without calling it', async () => {
    const err = await refusal([() => featureDouble('x', ['x'])]);
    expect(err.message).to.match(/did you list a factory without calling it/);
  });

  it('refuses a plugin that declares a port but binds nothing', async () => {
    const err = await refusal([{ name: 'lazy', provides: ['TextClassifier'], register() {} }]);
    expect(err.message).to.match(/"lazy" declares it provides TextClassifier but registered nothing/);
  });

  it('refuses the same plugin listed twice', async () => {
    const err = await refusal([featureDouble('a', ['x']), featureDouble('a', ['y'])]);
    expect(err.message).to.match(/"a" is listed twice/);
  });
});
