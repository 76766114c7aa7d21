using System.Text;

namespace Postern.Mime.Tests.Encodings;

/// <summary>Large attachments are streamed and checked a chunk (64 KiB of encoded bytes) at a time.</summary>
public class ChunkedDecodingTests
{
    /// <summary>Several chunks' worth of lines.</summary>
    private const int Lines = 5000;

    private static MimeMessage Attachment(string encoding, string body) => MimeMessage.Parse(Encoding.ASCII.GetBytes(
        "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n" + body));

    private static async Task<byte[]> StreamedAsync(MimePart part)
    {
        using var output = new MemoryStream();
        await part.CopyDecodedContentToAsync(output, CancellationToken.None);
        return output.ToArray();
    }

    [Fact]
    public async Task QuotedPrintableSpanningManyChunksStreamsTheSameBytesAsDecodingItWhole()
    {
        var body = new StringBuilder();
        for (var i = 0; i < Lines; i++)
            body.Append("line ").Append(i).Append(" =C3=A9t=C3=A9 =3D soft break=\r\n continues\r\n");
        var part = Attachment("quoted-printable", body.ToString()).Body;

        var streamed = await StreamedAsync(part);

        Assert.True(body.Length > 3 * 64 * 1024);
        Assert.Equal(part.DecodeContent().ToArray(), streamed);
        Assert.Empty(part.CheckContent());
    }

    [Fact]
    public async Task Base64WithoutPaddingSpanningManyChunksStreamsTheSameBytesAsDecodingItWhole()
    {
        var data = Enumerable.Range(0, Lines * 57 + 2).Select(i => (byte)(i % 253)).ToArray();
        var encoded = Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks).TrimEnd('=');
        var part = Attachment("base64", encoded).Body;

        var streamed = await StreamedAsync(part);

        Assert.Equal(data, streamed);
        Assert.Equal(data, part.DecodeContent().ToArray());
    }

    [Theory]
    [InlineData("base64", "QUJD\r\n", "QU*D\r\n", MimeDefectKind.InvalidBase64)]
    [InlineData("quoted-printable", "abc=41\r\n", "abc=4G\r\n", MimeDefectKind.InvalidQuotedPrintable)]
    public void DamageFarIntoALargeAttachmentIsFoundByTheContentCheck(string encoding, string goodLine, string badLine, MimeDefectKind kind)
    {
        var good = string.Concat(Enumerable.Repeat(goodLine, Lines * 4));
        var bad = good + badLine + goodLine;

        Assert.Empty(Attachment(encoding, good).Body.CheckContent());
        Assert.Equal(kind, Assert.Single(Attachment(encoding, bad).Body.CheckContent()).Kind);
    }
}
