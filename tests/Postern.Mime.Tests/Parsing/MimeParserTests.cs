using Postern.Mime.Encodings;
using static Postern.Mime.Tests.Messages;

namespace Postern.Mime.Tests.Parsing;

public class MimeParserTests
{
    [Fact]
    public void NestedMultipartsAndEmbeddedMessagesFormOneTree()
    {
        var message = Load("parser/nested.eml");
        var body = message.Body;

        Assert.Equal("multipart/mixed", body.ContentType.MimeType);
        Assert.Equal(4, body.Children.Count);
        Assert.Equal("Hello", Utf8(body.Children[0].RawBody));
        Assert.Equal(["text/plain", "text/html"], body.Children[1].Children.Select(c => c.ContentType.MimeType));
        Assert.Equal("<p>html</p>", Utf8(body.Children[1].Children[1].RawBody));
        Assert.Equal("inner message", body.Children[2].Message!.Subject);
        Assert.Equal("deep text", Utf8(body.Children[2].Message!.Body.Children[0].RawBody));
        Assert.Empty(message.EnumerateDefects());
    }

    [Fact]
    public void PreambleAndEpilogueAreKeptOutsideTheParts()
    {
        var body = Load("parser/nested.eml").Body;

        Assert.Equal("This is the preamble.", Utf8(body.Preamble));
        Assert.Equal("This is the epilogue.\r\n", Utf8(body.Epilogue));
    }

    [Fact]
    public void PartIdsFollowCommuniGateNumbering()
    {
        var message = Load("parser/nested.eml");

        var ids = message.EnumerateParts().Select(p => (p.PartId, p.ContentType.MimeType)).ToArray();

        Assert.Equal(
            [
                ("", "multipart/mixed"),
                ("01", "text/plain"),
                ("02", "multipart/alternative"),
                ("02-01", "text/plain"),
                ("02-02", "text/html"),
                ("03", "message/rfc822"),
                ("03", "multipart/mixed"),
                ("03-01", "text/plain"),
                ("03-02", "application/pdf"),
                ("04", "message/rfc822"),
                ("04-01", "text/plain"),
            ],
            ids);
    }

    [Fact]
    public void FindPartAnswersTheMessagePartWhenItSharesItsIdWithTheEmbeddedBody()
    {
        var message = Load("parser/nested.eml");

        Assert.Equal("message/rfc822", message.FindPart("03")!.ContentType.MimeType);
        Assert.Equal("application/pdf", message.FindPart("03-02")!.ContentType.MimeType);
        Assert.Equal("single body", Utf8(message.FindPart("04-01")!.RawBody));
        Assert.Same(message.Body, message.FindPart(""));
        Assert.Null(message.FindPart("09"));
    }

    [Fact]
    public void SinglePartMessageBodyHasEmptyPartId()
    {
        var message = FromText("Subject: x\n\nbody\n");

        Assert.Equal("", message.Body.PartId);
        Assert.Equal("text/plain", message.Body.ContentType.MimeType);
        Assert.Equal("body\n", Utf8(message.Body.RawBody));
    }

    [Fact]
    public void BareLineFeedsWorkLikeCrLf()
    {
        var body = Load("parser/lf-only.eml").Body;

        Assert.Equal(2, body.Children.Count);
        Assert.Equal("one", Utf8(body.Children[0].RawBody));
        Assert.Equal("two without header", Utf8(body.Children[1].RawBody));
        Assert.Empty(body.Children[1].Headers);
    }

    [Fact]
    public void AnOuterDelimiterEndsAnUnclosedInnerMultipart()
    {
        var body = Load("parser/outer-ends-inner.eml").Body;

        Assert.Equal(2, body.Children.Count);
        var inner = body.Children[0];
        Assert.Equal("never closed", Utf8(inner.Children[0].RawBody));
        Assert.Contains(inner.Defects, d => d.Kind == MimeDefectKind.MissingCloseDelimiter);
        Assert.Equal("sibling", Utf8(body.Children[1].RawBody));
    }

    [Fact]
    public void MultipartWithoutBoundaryIsKeptAsOnePart()
    {
        var body = Load("parser/missing-boundary.eml").Body;

        Assert.True(body.IsMultipart);
        Assert.Empty(body.Children);
        Assert.Equal("no boundary parameter\n", Utf8(body.RawBody));
        Assert.Contains(body.Defects, d => d.Kind == MimeDefectKind.MissingBoundary);
    }

    [Fact]
    public void LastPartOfAnUnclosedMultipartRunsToTheEnd()
    {
        var body = Load("parser/missing-close.eml").Body;

        Assert.Single(body.Children);
        Assert.Equal("last part runs to the end\n", Utf8(body.Children[0].RawBody));
        Assert.Contains(body.Defects, d => d.Kind == MimeDefectKind.MissingCloseDelimiter);
    }

    [Fact]
    public void DigestPartsDefaultToEmbeddedMessages()
    {
        var body = Load("parser/digest.eml").Body;

        Assert.All(body.Children, c => Assert.Equal("message/rfc822", c.ContentType.MimeType));
        Assert.Equal(["first", "second"], body.Children.Select(c => c.Message!.Subject));
    }

    [Fact]
    public void Base64EncodedEmbeddedMessageIsDecodedAndParsed()
    {
        var part = Load("parser/encoded-rfc822.eml").Body;

        Assert.Equal("encoded", part.Message!.Subject);
        Assert.Equal("inner body\n", Utf8(part.Message.Body.RawBody));
        Assert.Contains(part.Defects, d => d.Kind == MimeDefectKind.EncodedCompositeBody);
    }

    [Fact]
    public void Base64AndQuotedPrintableMultipartsAreDecodedAndParsedWithStablePartIds()
    {
        var message = Load("parser/encoded-multipart.eml");

        Assert.Equal(
            [
                ("", "multipart/mixed"), ("01", "text/plain"), ("02", "multipart/alternative"), ("02-01", "text/plain"),
                ("02-02", "text/html"), ("03", "multipart/mixed"), ("03-01", "text/plain"), ("03-02", "message/rfc822"),
                ("03-02-01", "text/plain"), ("04", "text/plain"),
            ],
            message.EnumerateParts().Select(p => (p.PartId, p.ContentType.MimeType)));
        Assert.Equal("<p>html alternative</p>", message.FindPart("02-02")!.GetText());
        Assert.Equal("na\u00efve text", message.FindPart("03-01")!.GetText());
        Assert.Equal("forwarded inside", message.FindPart("03-02")!.Message!.Subject);
        Assert.Equal("last", message.FindPart("04")!.GetText());
        Assert.Equal("02-02", message.FindTextBody("html")!.PartId);
        Assert.True(message.FindPart("02")!.Preamble.IsEmpty);
        Assert.Equal(
            [("02", MimeDefectKind.EncodedCompositeBody), ("03", MimeDefectKind.EncodedCompositeBody)],
            message.EnumerateParts().SelectMany(p => p.Defects.Select(d => (p.PartId, d.Kind))));
    }

    [Fact]
    public void MboxFromLineBeforeTheHeaderIsSkipped()
    {
        var message = Load("parser/mbox-marker.eml");

        Assert.Equal("with mbox line", message.Subject);
        Assert.Equal(2, message.Headers.Count);
        Assert.Empty(message.Body.Defects);
    }

    [Fact]
    public void ObsoleteFromFieldWithSpaceBeforeColonIsAFieldNotAnMboxLine()
    {
        var message = FromText("From : a@example.com\nSubject: obs\n\nbody");

        Assert.Equal("a@example.com", message.From.Mailboxes[0].Address);
    }

    [Fact]
    public void ByteOrderMarkBeforeTheHeaderIsSkipped()
    {
        var message = FromText("\uFEFFSubject: bom\n\nbody");

        Assert.Equal("bom", message.Subject);
        Assert.Empty(message.Body.Defects);
    }

    [Fact]
    public void LineWithoutColonBetweenFieldsIsKeptAsAContinuation()
    {
        var message = Load("parser/broken-header-line.eml");

        Assert.Equal("b@example.com", message.To.ToString());
        Assert.Equal("broken This line has no colon", message.Subject);
        Assert.Equal("body\n", Utf8(message.Body.RawBody));
        Assert.Contains(message.Body.Defects, d => d.Kind == MimeDefectKind.InvalidHeaderLine);
    }

    [Fact]
    public void LineWithoutColonFollowedByBodyTextStartsTheBody()
    {
        var message = Load("parser/headers-run-into-body.eml");

        Assert.Equal("no blank line", message.Subject);
        Assert.Equal("this is already the body\nmore body\n", Utf8(message.Body.RawBody));
    }

    [Fact]
    public void OnlyExactDelimiterLinesSplitParts()
    {
        var body = Load("parser/delimiter-lookalikes.eml").Body;

        Assert.Single(body.Children);
        Assert.Equal("after padded delimiter\n--b-not-a-delimiter\n--bx\nstill in first part", Utf8(body.Children[0].RawBody));
        Assert.Empty(body.Defects);
    }

    [Fact]
    public void UnknownTransferEncodingIsReportedAndTheBodyKept()
    {
        var body = Load("parser/unknown-encoding.eml").Body;

        Assert.Equal(ContentTransferEncoding.Unknown, body.TransferEncoding);
        Assert.Equal("body\n", Utf8(body.DecodeContent()));
        Assert.Contains(body.Defects, d => d.Kind == MimeDefectKind.UnknownTransferEncoding);
    }

    [Fact]
    public void HeaderOnlyMessageHasAnEmptyBody()
    {
        var message = FromText("Subject: only a header\r\n");

        Assert.Equal("only a header", message.Subject);
        Assert.Equal(0, message.Body.RawBody.Length);
        Assert.Empty(message.Body.Defects);
    }

    [Fact]
    public void EmptyInputGivesAnEmptyMessage()
    {
        var message = MimeMessage.Parse(ReadOnlyMemory<byte>.Empty);

        Assert.Empty(message.Headers);
        Assert.Equal("text/plain", message.Body.ContentType.MimeType);
    }

    [Fact]
    public void OffsetsPointIntoTheParsedBuffer()
    {
        var message = Load("parser/nested.eml");
        var html = message.FindPart("02-02")!;

        Assert.Equal("Content-Type: text/html\r\n\r\n<p>html</p>", Utf8(html.RawPart));
        Assert.Equal(html.BodyOffset, html.EndOffset - "<p>html</p>".Length);
    }

    [Fact]
    public async Task MessageIsReadFromAStream()
    {
        using var stream = new MemoryStream(Postern.Testing.TestData.Bytes("parser", "nested.eml"));

        var message = await MimeMessage.LoadAsync(stream, null, CancellationToken.None);

        Assert.Equal("nested", message.Subject);
    }

    [Fact]
    public async Task StreamLargerThanTheLimitIsRefused()
    {
        using var stream = new MemoryStream(new byte[2048]);

        await Assert.ThrowsAsync<InvalidDataException>(
            () => MimeMessage.LoadAsync(stream, new MimeLimits { MaxMessageSize = 1024 }, CancellationToken.None));
    }

    [Fact]
    public async Task HeadersAloneAreReadFromAStreamWhichIsLeftAtTheBody()
    {
        using var stream = new MemoryStream(Postern.Testing.TestData.Bytes("parser", "nested.eml"));

        var headers = await MimeMessage.ReadHeadersAsync(stream, null, CancellationToken.None);

        Assert.Equal("nested", headers.GetText("Subject"));
        var rest = new StreamReader(stream).ReadToEnd();
        Assert.StartsWith("This is the preamble.", rest);
    }
}
