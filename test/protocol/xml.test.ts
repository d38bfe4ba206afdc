// The XML parser, writers and XPath of src/protocol (xml-dom.ts, xml-xpath.ts) and CliXml text (clixml.ts).
import { describe, expect, it } from 'vitest';
import { XmlException, indentedXml, outerXml, parseXml } from '../../src/protocol/xml-dom.js';
import { XPathException, selectNodes } from '../../src/protocol/xml-xpath.js';
import { clixmlDuration, deserializeCliXml, serializeCliXml } from '../../src/protocol/clixml.js';
import { PSHashtable } from '../../src/protocol/values.js';

const BOOKS = parseXml(
  '<bookstore><book category="WEB"><title lang="en">Learning XML</title><price>25.00</price></book>' +
    '<book category="KIDS"><title>HP</title><price>30</price></book><!-- c --></bookstore>',
);
const texts = (xpath: string) => selectNodes(BOOKS, xpath).map((n) => n.value ?? n.innerText);

describe('XPath', () => {
  it('walks the axes in document order', () => {
    expect(texts('//title')).toEqual(['Learning XML', 'HP']);
    expect(texts('//@*')).toEqual(['WEB', 'en', 'KIDS']);
    expect(texts('//book[2]/preceding::title')).toEqual(['Learning XML']);
    expect(texts('//title | //price')).toEqual(['Learning XML', '25.00', 'HP', '30']);
    expect(selectNodes(BOOKS, '//price/..')).toHaveLength(2);
    expect(selectNodes(BOOKS, '//comment()')).toHaveLength(1);
  });
  it('filters with predicates, operators and the core functions', () => {
    expect(texts("//book[title='HP']/price/text()")).toEqual(['30']);
    expect(texts('//book[@category and price > 26]/title')).toEqual(['HP']);
    expect(texts('(//book)[last()]/@category')).toEqual(['KIDS']);
    expect(texts('/bookstore/book[position() mod 2 = 0]/title')).toEqual(['HP']);
    expect(texts("//title[starts-with(normalize-space(.), 'Le')]/@lang")).toEqual(['en']);
    expect(texts('//book[not(@category="WEB")][price div 5 = 6]/@category')).toEqual(['KIDS']);
  });
  it('resolves prefixes through the caller\'s table only', () => {
    const doc = parseXml("<a xmlns='urn:x'><b>1</b></a>");
    expect(selectNodes(doc, '//b')).toHaveLength(0);
    expect(selectNodes(doc, '//x:b', { lookup: (p) => (p === 'x' ? 'urn:x' : undefined) })).toHaveLength(1);
    expect(() => selectNodes(doc, '//y:b')).toThrow(XPathException);
    expect(() => selectNodes(doc, 'count(//b)')).toThrow('Expression must evaluate to a node-set.');
  });
});

describe('XML text', () => {
  it('parses and writes as .NET does', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b/><c>t&lt;</c><![CDATA[<raw>]]></a>');
    expect(outerXml(doc)).toBe('<?xml version="1.0"?><a x="1 &amp; 2"><b /><c>t&lt;</c><![CDATA[<raw>]]></a>');
    expect(indentedXml(parseXml('<a><b><c>x</c></b></a>'), '\n')).toBe('<a>\n  <b>\n    <c>x</c>\n  </b>\n</a>');
  });
  it('reports malformed text with .NET\'s messages and positions', () => {
    expect(() => parseXml('hello')).toThrow('Data at the root level is invalid. Line 1, position 1.');
    expect(() => parseXml('<a><b></a>')).toThrow("The 'b' start tag on line 1 position 5 does not match the end tag of 'a'. Line 1, position 9.");
    expect(() => parseXml('<a><b>')).toThrow(XmlException);
    expect(() => parseXml('<a/><b/>')).toThrow('There are multiple root elements.');
  });
});

describe('CliXml text', () => {
  it('writes durations as XmlConvert does', () => {
    expect(clixmlDuration(0)).toBe('PT0S');
    expect(clixmlDuration(3723500)).toBe('PT1H2M3.5S');
    expect(clixmlDuration(93600000)).toBe('P1DT2H');
  });
  it('escapes characters XML cannot hold and reads them back', () => {
    const text = serializeCliXml(['a\u0001b_xc\r\n<'], 1);
    expect(text).toContain('<S>a_x0001_b_x005F_xc_x000D__x000A_&lt;</S>');
    expect(deserializeCliXml(text)).toEqual(['a\u0001b_xc\r\n<']);
  });
  it('writes a hashtable as DCT and reads it back', () => {
    const h = new PSHashtable();
    h.set('k', 1);
    const back = deserializeCliXml(serializeCliXml([h], 2))[0];
    expect(back).toBeInstanceOf(PSHashtable);
    expect((back as PSHashtable).get('k')).toBe(1);
  });
});
