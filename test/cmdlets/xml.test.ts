// [xml] documents, Select-Xml, ConvertTo-Xml, Export-/Import-Clixml and PSSerializer, checked against 5.1's behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeAll(async () => {
  c = await capturedSession();
});
afterAll(async () => {
  await c.close();
});
const out = async (script: string) => (await c.run(script)).out;

const BOOKS =
  `$x = [xml]'<?xml version="1.0"?><bookstore><book category="WEB"><title lang="en">Learning XML</title><price>25.00</price></book>` +
  `<book category="KIDS"><title>HP</title><price>30</price></book></bookstore>'; `;

describe('[xml]', () => {
  it('adapts attributes and child elements as properties, simple elements as their text', async () => {
    expect(await out(BOOKS + '$x.bookstore.book.category -join ","; $x.bookstore.book[1].title; $x.bookstore.book[0].title."#text"; $x.bookstore.book[0].title.lang')).toBe('WEB,KIDS\nHP\nLearning XML\nen\n');
  });
  it('gives OuterXml as .NET writes it and the .NET type', async () => {
    expect(await out("([xml]'<a><b x=\"1\"/><c>t &amp; u</c></a>').OuterXml; ([xml]'<a/>').GetType().FullName; ([xml]'<a/>').a.GetType().FullName")).toBe(
      '<a><b x="1" /><c>t &amp; u</c></a>\nSystem.Xml.XmlDocument\nSystem.String\n',
    );
  });
  it('answers XPath with SelectNodes / SelectSingleNode', async () => {
    expect(await out(BOOKS + "($x.SelectNodes('//book[price>26]/title') | % InnerText); $x.SelectSingleNode(\"/bookstore/book[@category='WEB']/title/@lang\").Value; $x.SelectNodes('//book[last()]/price').Count")).toBe('HP\nen\n1\n');
  });
  it('builds documents with CreateElement, AppendChild and property assignment (an empty element reads as its text)', async () => {
    expect(await out("$d = [xml]'<r/>'; $e = $d.CreateElement('item'); $e.SetAttribute('id', '7'); $e.InnerText = 'x'; [void]$d.DocumentElement.AppendChild($e); $d.r.item.id = '8'; $d.OuterXml; ([xml]'<r/>').r -eq ''")).toBe('<r><item id="8">x</item></r>\nTrue\n');
  });
  it('saves indented to the lab drive and loads back; New-Object xml and XmlNamespaceManager work', async () => {
    expect(
      await out(
        "$x = [xml]'<cfg><add key=\"a\"/></cfg>'; $x.Save('C:\\cfg.xml'); Get-Content C:\\cfg.xml; $y = New-Object xml; $y.Load('C:\\cfg.xml'); $y.cfg.add.key; " +
          "$d = [xml]'<r xmlns=\"urn:x\"><i>1</i><i>2</i></r>'; $ns = New-Object System.Xml.XmlNamespaceManager($d.NameTable); $ns.AddNamespace('x', 'urn:x'); $d.SelectSingleNode('//x:i[2]', $ns).InnerText",
      ),
    ).toBe('<cfg>\n  <add key="a" />\n</cfg>\na\n2\n');
  });
  it('indexes a node by child element name (the XmlNode indexer)', async () => {
    expect(await out("$x = [xml]'<r><c>1</c><d a=\"2\"/></r>'; $x['r']['c'].InnerText; $x.r['d'].a; $null -eq $x.r['zz']")).toBe('1\n2\nTrue\n');
  });
  it('refuses text that is not XML with .NET\'s message', async () => {
    const r = await out('[xml]"hello"');
    expect(r).toContain('Cannot convert value "hello" to type "System.Xml.XmlDocument". Error: "Data at the root level is invalid. Line 1, position 1."');
    expect(r).toContain('InvalidCastToXmlDocument');
  });
});

describe('Select-Xml', () => {
  it('selects with a namespace table and shows InputStream as the path', async () => {
    expect(await out("[xml]$x = \"<a xmlns='bar'><b>hello</b></a>\"; $n = Select-Xml -Xml $x -XPath '//c:b' -Namespace @{c='bar'}; $n.Path; $n.Pattern; $n.ToString()")).toBe('InputStream\n//c:b\nhello\n');
  });
  it('reads files and -Content; ToString is the inner XML, with the file', async () => {
    expect(await out("Set-Content C:\\sx.xml '<a><b>hello</b></a>'; (Select-Xml -Path C:\\sx.xml -XPath '//b').ToString(); (Select-Xml -Content '<a><b>one<c>hi</c></b></a>' -XPath '//b').ToString()")).toBe('hello:C:\\sx.xml\none<c>hi</c>\n');
  });
  it('reports bad XML, bad content and null prefixes with 5.1\'s error ids', async () => {
    const ids = await out(
      "Set-Content C:\\bad.xml '<a><b>'; foreach ($s in { Select-Xml -Path C:\\bad.xml -XPath foo -ErrorAction Stop }, { Select-Xml -Content 'hello' -XPath foo -ErrorAction Stop }, { Select-Xml -Xml ([xml]'<a/>') -XPath foo -Namespace @{c=$null} -ErrorAction Stop }, { Select-Xml -Path env:x foo -ErrorAction Stop }) { try { & $s } catch { $_.FullyQualifiedErrorId } }",
    );
    expect(ids).toBe(
      'ProcessingFile,Microsoft.PowerShell.Commands.SelectXmlCommand\nInvalidCastToXmlDocument,Microsoft.PowerShell.Commands.SelectXmlCommand\nPrefixError,Microsoft.PowerShell.Commands.SelectXmlCommand\nProcessingFile,Microsoft.PowerShell.Commands.SelectXmlCommand\n',
    );
  });
});

describe('property bag text', () => {
  it('does not recurse: a nested property bag is empty, a collection its type name (5.1\'s PSObject.ToString)', async () => {
    expect(await out('"$([pscustomobject]@{a=[pscustomobject]@{b=1}; c=1,2; d=3})"')).toBe('@{a=; c=System.Object[]; d=3}\n');
  });
});

describe('ConvertTo-Xml', () => {
  it('writes Objects/Object/Property with types, or without', async () => {
    expect(await out("([pscustomobject]@{p1='v1'; p2=2} | ConvertTo-Xml).OuterXml; ([pscustomobject]@{p1='v1'} | ConvertTo-Xml -NoTypeInformation).OuterXml")).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Objects><Object Type="System.Management.Automation.PSCustomObject"><Property Name="p1" Type="System.String">v1</Property><Property Name="p2" Type="System.Int32">2</Property></Object></Objects>\n' +
        '<?xml version="1.0" encoding="utf-8"?><Objects><Object><Property Name="p1">v1</Property></Object></Objects>\n',
    );
  });
  it('gives -As String indented and -As Stream in four parts', async () => {
    expect(await out("1 | ConvertTo-Xml -As String")).toBe('<?xml version="1.0" encoding="utf-8"?>\n<Objects>\n  <Object Type="System.Int32">1</Object>\n</Objects>\n');
    expect(await out("$s = [pscustomobject]@{a=1} | ConvertTo-Xml -As Stream; $s.Count; $s[1]")).toBe('4\n<Objects>\n');
  });
  it('writes a hashtable as Key and Value properties', async () => {
    expect(await out("$x = @{foo='bar'} | ConvertTo-Xml; $x.Objects.Object.Property[0].'#text'; $x.Objects.Object.Property[1].'#text'")).toBe('foo\nbar\n');
  });
});

describe('CliXml', () => {
  it('writes 5.1\'s format: Objs 1.1.0.1, TN, MS for a property bag', async () => {
    expect(await out('[System.Management.Automation.PSSerializer]::Serialize([pscustomobject]@{a=1; b=[long]2})')).toBe(
      [
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">',
        '  <Obj RefId="0">',
        '    <TN RefId="0">',
        '      <T>System.Management.Automation.PSCustomObject</T>',
        '      <T>System.Object</T>',
        '    </TN>',
        '    <MS>',
        '      <I32 N="a">1</I32>',
        '      <I64 N="b">2</I64>',
        '    </MS>',
        '  </Obj>',
        '</Objs>',
      ].join('\n') + '\n',
    );
  });
  it('round-trips primitives and lists; every dictionary comes back a Hashtable, as in 5.1', async () => {
    expect(
      await out(
        "1,'two' | Export-Clixml C:\\p.xml; $r = Import-Clixml C:\\p.xml; $r[0].GetType().Name; $r[1]; " +
          "[ordered]@{b=1; a=2} | Export-Clixml C:\\o.xml; $o = Import-Clixml C:\\o.xml; $o.GetType().Name; $o.Keys -join ','; " +
          "Export-Clixml C:\\l.xml -InputObject @(1,2,3); (Import-Clixml C:\\l.xml).GetType().FullName",
      ),
    ).toBe('Int32\ntwo\nHashtable\nb,a\nSystem.Collections.ArrayList\n');
  });
  it('reads other objects back as Deserialized property bags, deeper levels as text', async () => {
    expect(
      await out(
        "$o = [pscustomobject]@{v=1; two=[pscustomobject]@{v=2; three=[pscustomobject]@{v=3}}}; $o | Export-Clixml C:\\d.xml -Depth 2; $d = Import-Clixml C:\\d.xml; " +
          '$d.pstypenames[0]; $d.two.v; $d.two.three; $null -eq $d.two.three.v',
      ),
    ).toBe('Deserialized.System.Management.Automation.PSCustomObject\n2\n@{v=3}\nTrue\n');
  });
  it('pages with -Skip/-First (a hashtable as its entries) and -IncludeTotalCount', async () => {
    expect(await out("'a','b','c','d' | Export-Clixml C:\\w.xml; (Import-Clixml C:\\w.xml -First 2 -Skip 1) -join ','; @{k=1; j=2} | Export-Clixml C:\\h.xml; (Import-Clixml C:\\h.xml -First 1).Name; (Import-Clixml C:\\w.xml -IncludeTotalCount)[0].ToString()")).toBe(
      'b,c\nk\nUnknown total count\n',
    );
  });
  it('keeps a case-sensitive Hashtable (New-Object hashtable) case-sensitive through a round trip, as 5.1 reads dictionaries', async () => {
    expect(await out("$d = New-Object hashtable; $d['a'] = 1; $d['A'] = 2; $d.Count; @{a=1}.ContainsKey('A'); $d | Export-Clixml C:\\cs.xml; (Import-Clixml C:\\cs.xml).Count")).toBe('2\nTrue\n2\n');
  });
  it('keeps every entry of a dictionary whose keys clash even case-sensitively (5.1 falls back to reference keys)', async () => {
    const entries = ['Larry', 'larry', 'Larry'].map((k) => `<En><S N="Key">${k}</S><S N="Value">v</S></En>`).join('');
    const xml = `'<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><Obj RefId="0"><TN RefId="0"><T>System.Collections.Hashtable</T><T>System.Object</T></TN><DCT>${entries}</DCT></Obj></Objs>'`;
    expect(await out(`$h = [System.Management.Automation.PSSerializer]::Deserialize(${xml}); $h.Count; $h.GetType().Name`)).toBe('3\nHashtable\n');
  });
  it('PSSerializer.Deserialize gives the object back', async () => {
    expect(await out("$s = [System.Management.Automation.PSSerializer]::Serialize(@{x=[datetime]'2020-01-02'}); $h = [System.Management.Automation.PSSerializer]::Deserialize($s); $h.x.Year; $h.GetType().Name")).toBe('2020\nHashtable\n');
  });
});
