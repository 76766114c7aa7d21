using System.Text;
using Postern.Mime.Headers;

namespace Postern.Mime.Tests.Headers;

public class ContentTypeTests
{
    private static ContentType Parse(string value) => ContentType.Parse(Encoding.UTF8.GetBytes(value));

    [Fact]
    public void TypeSubtypeAndParametersAreRead()
    {
        var type = Parse("Text/HTML; Charset=\"UTF-8\"; format=flowed");

        Assert.Equal("text/html", type.MimeType);
        Assert.Equal("UTF-8", type.Charset);
        Assert.Equal("flowed", type.Parameters["FORMAT"]);
        Assert.Equal(["Charset", "format"], type.Parameters.Select(p => p.Name));
    }

    [Theory]
    [InlineData("multipart/mixed;\r\n\tboundary=\"----=_Part_1\"", "----=_Part_1")]
    [InlineData("multipart/mixed;;\r\n Boundary=\"=== (1)\"", "=== (1)")]
    [InlineData("multipart/mixed; boundary=simple (a comment)", "simple")]
    [InlineData("multipart/mixed; boundary=\"quoted \\\"escape\\\"\"", "quoted \"escape\"")]
    [InlineData("multipart/mixed (comment); boundary=b1", "b1")]
    [InlineData("multipart/mixed; boundary=\"unterminated", "unterminated")]
    public void BoundaryIsReadInEveryFormSeenInMail(string value, string boundary) =>
        Assert.Equal(boundary, Parse(value).Boundary);

    [Fact]
    public void ParametersWithoutSemicolonsAreSeparated()
    {
        var type = Parse("text/plain; charset=us-ascii format=flowed");

        Assert.Equal("us-ascii", type.Charset);
        Assert.Equal("flowed", type.Parameters["format"]);
    }

    [Fact]
    public void Rfc2231ContinuationsAndCharsetsAreJoinedAndDecoded()
    {
        var type = Parse("application/pdf; name*0*=utf-8''%E2%82%AC%20rates; name*1=\" for \"; name*2*=%C3%A9t%C3%A9.pdf");

        Assert.Equal("€ rates for été.pdf", type.Name);
    }

    [Fact]
    public void Rfc2231ValueWinsOverThePlainOne()
    {
        var type = Parse("application/pdf; name=\"fallback.pdf\"; name*=iso-8859-1'fr'r%E9sum%E9.pdf");

        Assert.Equal("résumé.pdf", type.Name);
        Assert.Single(type.Parameters);
    }

    [Fact]
    public void EncodedWordsInQuotedFileNamesAreDecoded() =>
        Assert.Equal("Отчёт.docx", Parse("application/msword; name=\"=?utf-8?B?0J7RgtGH0ZHRgi5kb2N4?=\"").Name);

    [Theory]
    [InlineData("text", "text/plain")]
    [InlineData("multipart", "multipart/mixed")]
    [InlineData("application-x-gzip; name=a.gz", "application/octet-stream")]
    [InlineData("", "text/plain")]
    [InlineData(";;;", "text/plain")]
    public void UnreadableTypesFallBack(string value, string expected)
    {
        Assert.False(ContentType.TryParse(Encoding.UTF8.GetBytes(value), out var type));
        Assert.Equal(expected, type.MimeType);
    }

    [Fact]
    public void DispositionAndFileNameAreRead()
    {
        var disposition = ContentDisposition.Parse("attachment;\r\n filename*=UTF-8''na%C3%AFve.txt; size=5"u8);

        Assert.True(disposition.IsAttachment);
        Assert.Equal("naïve.txt", disposition.FileName);
        Assert.Equal("5", disposition.Parameters["size"]);
    }

    [Fact]
    public void UnrecognisedDispositionReadsAsAttachment() =>
        Assert.Equal("attachment", ContentDisposition.Parse("; filename=x"u8).Disposition);
}
