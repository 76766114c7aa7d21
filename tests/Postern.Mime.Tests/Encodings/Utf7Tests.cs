using System.Text;
using Postern.Mime.Encodings;

namespace Postern.Mime.Tests.Encodings;

public class Utf7Tests
{
    [Theory]
    // RFC 2152 §"Rules for interpreting the encoding", its examples.
    [InlineData("Hi Mom -+Jjo--!", "Hi Mom -\u263A-!")]
    [InlineData("A+ImIDkQ.", "A\u2262\u0391.")]
    [InlineData("+ZeVnLIqe-", "\u65E5\u672C\u8A9E")]
    [InlineData("Item 3 is +AKM-1.", "Item 3 is \u00A31.")]
    // "+-" is a plus sign; a sequence ended by a character outside base64 keeps that character.
    [InlineData("1 +- 1 = 2", "1 + 1 = 2")]
    [InlineData("+AKM 1", "\u00A3 1")]
    [InlineData("+AKM", "\u00A3")]
    // A character outside the BMP, as a surrogate pair (U+1F600).
    [InlineData("+2D3eAA-", "\U0001F600")]
    public void DecodesTheRfc2152Examples(string encoded, string expected) =>
        Assert.Equal(expected, Charsets.Decode(Encoding.ASCII.GetBytes(encoded), "UTF-7"));

    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF7")]
    [InlineData("unicode-1-1-utf-7")]
    public void TheUsualNamesAreKnown(string name)
    {
        Assert.True(Charsets.IsKnown(name));
        Assert.Equal(65000, Charsets.Find(name)!.CodePage);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xE9, (byte)'b' }, "a\uFFFDb")]
    [InlineData(new byte[] { (byte)'+', (byte)'2', (byte)'D', (byte)'0', (byte)'-', (byte)'x' }, "\uFFFDx")]
    [InlineData(new byte[] { (byte)'+', (byte)'3', (byte)'g', (byte)'A', (byte)'-' }, "\uFFFD")]
    public void BrokenInputDecodesToReplacementCharacters(byte[] encoded, string expected) =>
        Assert.Equal(expected, Charsets.Decode(encoded, "utf-7"));

    [Fact]
    public void EncodedWordsInUtf7AreDecoded()
    {
        // =?UTF-7?Q?…?= carrying "Item 3 is £1." split across two words in the middle of a shifted sequence.
        var decoded = Rfc2047Decoder.DecodeText("=?UTF-7?Q?Item_3_is_+AK?= =?UTF-7?Q?M-1.?="u8);

        Assert.Equal("Item 3 is \u00A31.", decoded);
    }

    [Fact]
    public void TextPartsInUtf7AreDecoded()
    {
        var message = MimeMessage.Parse("Content-Type: text/plain; charset=utf-7\r\n\r\nHi Mom -+Jjo--!\r\n"u8.ToArray());

        Assert.Equal("Hi Mom -\u263A-!\r\n", message.Body.GetText());
        Assert.Empty(message.Body.CheckContent());
    }

    [Fact]
    public void WritingUtf7IsRefused() =>
        Assert.Throws<NotSupportedException>(() => Charsets.Find("utf-7")!.GetBytes("x"));
}
