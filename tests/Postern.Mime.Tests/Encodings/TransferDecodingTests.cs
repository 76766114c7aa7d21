using System.Security.Cryptography;
using System.Text;
using Postern.Mime.Encodings;
using Postern.Testing;

namespace Postern.Mime.Tests.Encodings;

public class TransferDecodingTests
{
    private const string PhotoSha256 = "4f60a9dbc20beccc740ee6717e3d2da765235f2ebf9a78654e878fbb68c53317";

    [Fact]
    public void Base64CorpusFileDecodesToThePhoto()
    {
        var decoded = TransferEncodings.Decode(TestData.Bytes("corpus", "encoders", "photo.b64"), ContentTransferEncoding.Base64, out var invalid);

        Assert.False(invalid);
        Assert.Equal(PhotoSha256, Convert.ToHexStringLower(SHA256.HashData(decoded.Span)));
    }

    [Fact]
    public void UuencodedCorpusFileDecodesToThePhoto()
    {
        var decoded = TransferEncodings.Decode(TestData.Bytes("corpus", "encoders", "photo.uu"), ContentTransferEncoding.UUEncode, out var invalid);

        Assert.False(invalid);
        Assert.Equal(PhotoSha256, Convert.ToHexStringLower(SHA256.HashData(decoded.Span)));
    }

    [Fact]
    public void QuotedPrintableCorpusFileDecodesToItsText()
    {
        var decoded = TransferEncodings.Decode(TestData.Bytes("corpus", "encoders", "wikipedia.qp"), ContentTransferEncoding.QuotedPrintable, out var invalid);

        Assert.False(invalid);
        Assert.Equal(TestData.Bytes("corpus", "encoders", "wikipedia.txt"), decoded.ToArray());
    }

    [Theory]
    [InlineData("aGVsbG8gd29ybGQ=", "hello world")]
    [InlineData("aGVs\r\nbG8g\r\nd29y\r\nbGQ=", "hello world")]
    [InlineData("aGVsbG8gd29ybGQ", "hello world")]
    [InlineData("aGVs*bG8g!d29ybGQ=", "hello world")]
    [InlineData("aGk=aGk=", "hihi")]
    public void Base64IgnoresLineBreaksJunkAndMissingPadding(string encoded, string expected)
    {
        var decoded = TransferEncodings.Decode(Encoding.ASCII.GetBytes(encoded), ContentTransferEncoding.Base64, out _);

        Assert.Equal(expected, Encoding.ASCII.GetString(decoded.Span));
    }

    [Fact]
    public void Base64ReportsCharactersOutsideTheAlphabet()
    {
        TransferEncodings.Decode("aGVs*bG8="u8.ToArray(), ContentTransferEncoding.Base64, out var invalid);

        Assert.True(invalid);
    }

    [Theory]
    [InlineData("caf=C3=A9", "café")]
    [InlineData("caf=c3=a9", "café")]
    [InlineData("soft=\r\nbreak", "softbreak")]
    [InlineData("trailing   \r\nspace", "trailing\r\nspace")]
    [InlineData("soft=  \nbreak with padding", "softbreak with padding")]
    [InlineData("bad =ZZ escape", "bad =ZZ escape")]
    [InlineData("ends with =", "ends with ")]
    public void QuotedPrintableFollowsRfc2045(string encoded, string expected)
    {
        var decoded = TransferEncodings.Decode(Encoding.ASCII.GetBytes(encoded), ContentTransferEncoding.QuotedPrintable, out _);

        Assert.Equal(expected, Encoding.UTF8.GetString(decoded.Span));
    }

    [Fact]
    public void IdentityEncodingsReturnTheBodyWithoutCopying()
    {
        var body = new ReadOnlyMemory<byte>("raw"u8.ToArray());

        var decoded = TransferEncodings.Decode(body, ContentTransferEncoding.EightBit, out _);

        Assert.True(decoded.Equals(body));
    }

    [Fact]
    public async Task StreamedDecodingMatchesWholeDecoding()
    {
        var photo = TestData.Bytes("corpus", "encoders", "photo.b64");
        var message = MimeMessage.Parse(Encoding.ASCII.GetBytes("Content-Transfer-Encoding: base64\r\n\r\n").Concat(photo).ToArray());
        using var output = new MemoryStream();

        await message.Body.CopyDecodedContentToAsync(output, CancellationToken.None);

        Assert.Equal(PhotoSha256, Convert.ToHexStringLower(SHA256.HashData(output.ToArray())));
    }

    [Fact]
    public void UuencodedBlocksAreFoundInsideText()
    {
        var text = "Here is the file:\n\nbegin 644 hello.txt\n%:&5L;&\\*\n`\nend\n\nBye.\n"u8;

        var blocks = UUDecoder.FindBlocks(text);

        var block = Assert.Single(blocks);
        Assert.Equal("hello.txt", block.FileName);
        Assert.Equal("644", block.Mode);
        Assert.True(block.IsTerminated);
        Assert.Equal("hello", Encoding.ASCII.GetString(UUDecoder.Decode(text[block.DataStart..block.DataEnd])));
    }

    [Fact]
    public void TextThatMerelyStartsWithBeginIsNotAUuencodedBlock()
    {
        Assert.Empty(UUDecoder.FindBlocks("begin 644 of the story\nOnce upon a time\n"u8));
    }
}
