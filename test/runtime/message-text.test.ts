import assert from 'node:assert/strict';
import { decodeEntities, parseMessage } from '../../nodes/runtime/messages/message-text';

const PML = (inner: string): string => `<div data-format="PresentationML" data-version="2.0">${inner}</div>`;

/** EntityJSON as the agent returns it beside PresentationML. */
const MENTION = (userId: string): Record<string, unknown> => ({
  type: 'com.symphony.user.mention', version: '1.0', id: [{ type: 'com.symphony.user.userId', value: userId }],
});
const HASHTAG = (tag: string, idType = 'org.symphonyoss.taxonomy.hashtag'): Record<string, unknown> => ({
  type: 'org.symphonyoss.taxonomy', version: '1.0', id: [{ type: idType, value: tag }],
});
const CASHTAG = (ticker: string): Record<string, unknown> => ({
  type: 'org.symphonyoss.fin.security', version: '1.0', id: [{ type: 'org.symphonyoss.fin.security.id.ticker', value: ticker }],
});

describe('message text: parseMessage', function () {
  it('reads a PresentationML message with a mention, a hashtag and a cashtag, data as JSON text', function () {
    const message = PML('Hi <span class="entity" data-entity-id="0">@Demo Bot</span> #fx <span class="entity" data-entity-id="1">#fx</span> '
      + '<span class="entity" data-entity-id="2">$EURUSD</span>');
    const data = JSON.stringify({ 0: MENTION('13287555072020'), 1: HASHTAG('fx', 'com.symphony.taxonomy.hashtag'), 2: CASHTAG('EURUSD') });
    assert.deepEqual(parseMessage(message, data), {
      text: 'Hi @Demo Bot #fx #fx $EURUSD',
      mentions: [{ id: 13287555072020, name: 'Demo Bot' }],
      hashtags: ['fx'],
      cashtags: ['EURUSD'],
    });
  });

  it('reads the entity ids real agents use (mention1, keyword1) with data as an object', function () {
    const message = PML('<span class="entity" data-entity-id="mention1">@Alice Smith</span> please check '
      + '<span class="entity" data-entity-id="keyword1">#rates</span> and <span class="entity" data-entity-id="keyword2">$GBPUSD</span>');
    const parsed = parseMessage(message, { mention1: MENTION('13056700580915'), keyword1: HASHTAG('rates'), keyword2: CASHTAG('GBPUSD') });
    assert.equal(parsed.text, '@Alice Smith please check #rates and $GBPUSD');
    assert.deepEqual(parsed.mentions, [{ id: 13056700580915, name: 'Alice Smith' }]);
    assert.deepEqual(parsed.hashtags, ['rates']);
    assert.deepEqual(parsed.cashtags, ['GBPUSD']);
  });

  it('reads the MessageML forms: <mention uid>, <mention email>, <hash tag>, <cash tag>', function () {
    const parsed = parseMessage('<messageML>Ping <mention uid="13287555072101"/> and <mention email="bob@bank.example"/>: '
      + '<hash tag="fx"/> <cash tag="EURUSD"/> <cash tag="EURUSD"/></messageML>');
    assert.equal(parsed.text, 'Ping @13287555072101 and @bob@bank.example: #fx $EURUSD $EURUSD');
    assert.deepEqual(parsed.mentions, [{ id: 13287555072101 }, { name: 'bob@bank.example' }]);
    assert.deepEqual(parsed.hashtags, ['fx']);
    assert.deepEqual(parsed.cashtags, ['EURUSD'], 'each cashtag once');
  });

  it('lists each user once, however often mentioned, and tags once case-insensitively', function () {
    const message = PML('<span class="entity" data-entity-id="m1">@Bob</span> <span class="entity" data-entity-id="m2">@Bob</span> '
      + '<span class="entity" data-entity-id="h1">#FX</span> <span class="entity" data-entity-id="h2">#fx</span>');
    const parsed = parseMessage(message, { m1: MENTION('7'), m2: MENTION('7'), h1: HASHTAG('FX'), h2: HASHTAG('fx') });
    assert.deepEqual(parsed.mentions, [{ id: 7, name: 'Bob' }]);
    assert.deepEqual(parsed.hashtags, ['FX']);
  });

  it('turns <br/> and block elements into line breaks and tidies whitespace', function () {
    const message = PML(`
      <p>Morning   all,</p>
      <p>EURUSD <b>1.0805</b>&#160;bid<br/>GBPUSD <i>1.2650</i> bid<br/><br/>Regards</p>
      <ul><li>one</li><li>two</li></ul>
      <h2>Summary</h2>  done  `);
    assert.equal(parseMessage(message).text, 'Morning all,\nEURUSD 1.0805 bid\nGBPUSD 1.2650 bid\n\nRegards\none\ntwo\nSummary\ndone');
  });

  it('puts table rows on their own lines, cells separated by a space', function () {
    const message = PML('<table><thead><tr><th>Pair</th><th>Bid</th></tr></thead><tbody><tr><td>EURUSD</td><td>1.08</td></tr>'
      + '<tr><td>USDJPY</td><td>151.2</td></tr></tbody></table>');
    assert.equal(parseMessage(message).text, 'Pair Bid\nEURUSD 1.08\nUSDJPY 151.2');
  });

  it('decodes character references and keeps unknown ones as written', function () {
    assert.equal(parseMessage(PML('A &amp; B &lt;ok&gt; &quot;q&quot; &#36;{x} &#x20AC;5 &euro;6 &bogus; &#xD800;')).text,
      'A & B <ok> "q" ${x} €5 €6 &bogus; &#xD800;');
    assert.equal(decodeEntities('&apos;&nbsp;&#39;'), "' '");
  });

  it('keeps the layout of <pre> blocks and the text of links and CDATA', function () {
    const message = PML('Code:<pre>  a = 1\n  b = 2</pre>see <a href="https://x.example">the docs</a><![CDATA[ <raw> ]]>');
    assert.equal(parseMessage(message).text, 'Code:\n  a = 1\n  b = 2\nsee the docs <raw>');
  });

  it('reads a card and an emoji shortcode, skips comments and styles', function () {
    const message = '<messageML><!-- hidden --><style>.x{}</style><card accent="tempo-bg-color--blue"><header>Trade alert</header>'
      + '<body>Filled <emoji shortcode="rocket"/></body></card></messageML>';
    assert.equal(parseMessage(message).text, 'Trade alert\nFilled :rocket:');
  });

  it('reads an entity span without entity data as plain text: no mention, hashtag or cashtag', function () {
    const message = PML('<span class="entity" data-entity-id="0">@Carol Jones</span> <span class="entity" data-entity-id="1">#desk</span> '
      + '<span class="entity" data-entity-id="2">$IBM</span> <span class="hashTag">#legacy</span> '
      + '<span class="entity" data-entity-id="3">@Dan</span>');
    const empty = { mentions: [], hashtags: [], cashtags: [] };
    const text = '@Carol Jones #desk $IBM #legacy @Dan';
    // No data at all, data that is not JSON, data for other ids only, and data that says nothing of the id.
    for (const data of [undefined, 'not json', { 9: { type: 'com.symphony.emoji', version: '1.0' } }, JSON.stringify({ 3: { type: 'com.symphony.emoji', version: '1.0' } })]) {
      assert.deepEqual(parseMessage(message, data), { text, ...empty }, JSON.stringify(data));
    }
    // With its data, the same span is a mention.
    assert.deepEqual(parseMessage(message, { 3: MENTION('71') }), { text, ...empty, mentions: [{ id: 71, name: 'Dan' }] });
  });

  it('counts a security entity on a block element and reads its content', function () {
    const message = PML('<div class="entity" data-entity-id="object001"><b>IBM</b> 145.20</div>');
    const parsed = parseMessage(message, { object001: CASHTAG('IBM') });
    assert.equal(parsed.text, 'IBM 145.20');
    assert.deepEqual(parsed.cashtags, ['IBM']);
  });

  it('reads a ticker id as a cashtag whatever the entity type says', function () {
    const message = PML('<span class="entity" data-entity-id="0">$EURUSD</span> <span class="entity" data-entity-id="1">#fx</span>');
    const data = {
      0: { type: 'org.symphonyoss.taxonomy', version: '1.0', id: [{ type: 'org.symphonyoss.fin.security.id.ticker', value: 'EURUSD' }] },
      1: HASHTAG('fx'),
    };
    assert.deepEqual(parseMessage(message, data), { text: '$EURUSD #fx', mentions: [], hashtags: ['fx'], cashtags: ['EURUSD'] });
  });

  it('counts entities of the data that no element references', function () {
    const parsed = parseMessage(PML('Hello'), { 0: MENTION('42'), extra: { type: 'com.example.custom', id: [] } });
    assert.deepEqual(parsed.mentions, [{ id: 42 }]);
  });

  it('keeps ids it cannot represent exactly out of the mention', function () {
    const parsed = parseMessage(PML('<span class="entity" data-entity-id="0">@Big</span>'), { 0: MENTION('9007199254740993') });
    assert.deepEqual(parsed.mentions, [{ name: 'Big' }]);
  });

  it('never throws on odd input, returning the text it can read', function () {
    const odd = [
      '', 'plain text, no markup', 'a < b and c > d', '<div>unclosed <b>bold', '</div>stray close', '<div attr="x>y">quoted</div>',
      '<<<>>>', '<span class="entity" data-entity-id="0">@Eve', '<!-- never closed', '<![CDATA[never closed', '&#99999999;',
      '<mention uid="abc"/>', '<hash/>', '<cash tag=""/>',
    ];
    for (const input of odd) assert.doesNotThrow(() => parseMessage(input, 'not json'), input);
    assert.equal(parseMessage('a < b and c > d').text, 'a < b and c > d');
    assert.equal(parseMessage('<div>unclosed <b>bold').text, 'unclosed bold');
    assert.equal(parseMessage('</div>stray close').text, 'stray close');
    assert.equal(parseMessage('<div attr="x>y">quoted</div>').text, 'quoted');
    assert.deepEqual(parseMessage('<span class="entity" data-entity-id="0">@Eve', { 0: MENTION('5') }).mentions, [{ id: 5, name: 'Eve' }]);
    assert.deepEqual(parseMessage('<mention uid="abc"/><hash/><cash tag=""/>'), { text: '', mentions: [], hashtags: [], cashtags: [] });
    assert.deepEqual(parseMessage(undefined as unknown as string, null as unknown as string).text, '');
    assert.equal(parseMessage(PML('x'), '[1,2]').text, 'x');
  });
});
