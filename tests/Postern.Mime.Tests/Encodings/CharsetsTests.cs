using Postern.Mime.Encodings;

namespace Postern.Mime.Tests.Encodings;

public class CharsetsTests
{
    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData("UTF8", 65001)]
    [InlineData("koi8-r", 20866)]
    [InlineData("windows-1251", 1251)]
    [InlineData("cp1251", 1251)]
    [InlineData("iso-8859-2", 28592)]
    [InlineData("iso8859-2", 28592)]
    [InlineData("\"iso-8859-1\"", 1252)]
    [InlineData("shift_jis", 932)]
    [InlineData("gb2312", 936)]
    [InlineData("iso-2022-jp", 50220)]
    public void CharsetNamesMapToCodePages(string name, int codePage) =>
        Assert.Equal(codePage, Charsets.Find(name)!.CodePage);

    [Theory]
    [InlineData("x-no-such-charset")]
    [InlineData("us-ascii")]
    [InlineData("")]
    public void UnknownOrAsciiNamesAnswerNull(string name) => Assert.Null(Charsets.Find(name));

    [Fact]
    public void UsAsciiLabelledEightBitTextStillDecodes()
    {
        Assert.Equal("naïve", Charsets.Decode("naïve"u8, "us-ascii"));
        Assert.Equal("naïve", Charsets.Decode([(byte)'n', (byte)'a', 0xEF, (byte)'v', (byte)'e'], "us-ascii"));
    }
}
