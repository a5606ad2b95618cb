import { describe, expect, it } from 'vitest';
import { repairXml } from '../../../connectors/feed/index.js';

describe('repairXml', () => {
  it.each([
    ['<t>A & B</t>', '<t>A &amp; B</t>'],
    ['<link>https://x.nc/?a=1&b=2</link>', '<link>https://x.nc/?a=1&amp;b=2</link>'],
    ['<t>&nbsp;&eacute;t&eacute;&hellip;</t>', '<t>&#160;&#233;t&#233;&#8230;</t>'],
    ['<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9;</t>', '<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9;</t>'],
    ['<t>&nosuchentity;</t>', '<t>&amp;nosuchentity;</t>'],
    ['<t>bip\u0001\u000b\u001f</t>', '<t>bip</t>'],
    ['<t>&#1;&#x1F;ok&#9;</t>', '<t>ok&#9;</t>'],
    ['<t><![CDATA[A & B &nbsp;]]></t>', '<t><![CDATA[A & B &nbsp;]]></t>'],
  ])('%j → %j', (input, output) => {
    expect(repairXml(input)).toBe(output);
  });
});
