using System.Text;
using Postern.Mime.Encodings;

namespace Postern.Mime.Tests.Encodings;

public class Rfc2047DecoderTests
{
    private static string Decode(string raw) => Rfc2047Decoder.DecodeText(Encoding.Latin1.GetBytes(raw));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("=?utf-8?B?w6lsw6h2ZQ==?=", "élève")]
    [InlineData("=?iso-8859-1?Q?caf=E9_cr=E8me?=", "café crème")]
    [InlineData("=?ISO-8859-1?q?caf=e9?=", "café")]
    [InlineData("=?utf-8?q?a?= =?utf-8?q?b?=", "ab")]
    [InlineData("=?utf-8?q?a?=\r\n =?utf-8?q?b?=", "ab")]
    [InlineData("=?utf-8?q?a?= plain =?utf-8?q?b?=", "a plain b")]
    [InlineData("Re: =?koi8-r?B?8NLJ18XU?=", "Re: Привет")]
    [InlineData("=?utf-8*en?Q?lang?=", "lang")]
    [InlineData("=?windows-1251?B?z/Do4uXy?=", "Привет")]
    [InlineData("=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=", "日本語")]
    public void EncodedWordsAreDecoded(string raw, string expected) => Assert.Equal(expected, Decode(raw));

    [Fact]
    public void CharacterSplitAcrossTwoEncodedWordsSurvives()
    {
        // "é" is C3 A9 in UTF-8; each word holds one of its bytes.
        Assert.Equal("é", Decode("=?utf-8?Q?=C3?= =?utf-8?Q?=A9?="));
    }

    [Fact]
    public void FoldedLinesAreUnfolded() => Assert.Equal("one two", Decode("one\r\n two"));

    [Fact]
    public void EncodedWordGluedToTextIsDecoded() => Assert.Equal("Prixcafé", Decode("Prix=?iso-8859-1?Q?caf=E9?="));

    [Fact]
    public void UnknownCharsetFallsBackToUtf8OrWindows1252()
    {
        Assert.Equal("é", Decode("=?x-unknown?Q?=C3=A9?="));
        Assert.Equal("é", Decode("=?x-unknown?Q?=E9?="));
    }

    [Fact]
    public void MalformedEncodedWordsStayAsText()
    {
        Assert.Equal("=?utf-8?X?abc?=", Decode("=?utf-8?X?abc?="));
        Assert.Equal("=?utf-8?q?unterminated", Decode("=?utf-8?q?unterminated"));
        Assert.Equal("=?utf-8?q?has space?=", Decode("=?utf-8?q?has space?="));
    }

    [Fact]
    public void RawUtf8AndLatin1BytesAreDecoded()
    {
        Assert.Equal("café", Rfc2047Decoder.DecodeText("café"u8));
        Assert.Equal("café", Rfc2047Decoder.DecodeText([(byte)'c', (byte)'a', (byte)'f', 0xE9]));
    }

    [Fact]
    public void DecodingThousandsOfEncodedWordsAllocatesLinearly()
    {
        var raw = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            raw.Append("=?utf-8?Q?date=3E2017-08-20T10:08:28.617=3C/pr?=\r\n\t");
        }

        var bytes = Encoding.ASCII.GetBytes(raw.ToString());
        Rfc2047Decoder.DecodeText(bytes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = Rfc2047Decoder.DecodeText(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(5000 * "date>2017-08-20T10:08:28.617</pr".Length, text.Length);
        Assert.True(allocated < 4L * bytes.Length, $"allocated {allocated} bytes for {bytes.Length} bytes of input");
    }
}
