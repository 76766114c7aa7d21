using System.Buffers;
using System.Text;
using Postern.Testing;
using Postern.Ximss.Protocol.Framing;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Tests.Support;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.Transcripts;

/// <summary>Samoware's first batch after login (docs/ximss.md §5.4), over HTTP and replayed as TCP frames.</summary>
public class SamowareStartupTests
{
    private static readonly byte[] s_batch = TestData.Bytes("Samoware", "startup-batch.xml");

    [Fact]
    public void HttpBatchParsesIntoTheFiveRequestsInOrder()
    {
        var requests = ParseBatch();

        Assert.Equal(["ListKnownValuesRequest", "MailboxListRequest", "MailboxListRequest", "FolderOpenRequest", "SetSessionOptionRequest"],
            requests.Select(r => r.GetType().Name));
        Assert.Equal("%/%", ((MailboxListRequest)requests[2]).Filter.Pattern);
        Assert.Equal(new SetSessionOptionRequest("5", "reportMailboxChanges", "yes"), requests[4]);
    }

    [Fact]
    public void FolderOpenCarriesSamowaresViewOfTheInbox()
    {
        var open = Assert.IsType<FolderOpenRequest>(ParseBatch()[3]);

        Assert.Equal("INBOX-MM-1", open.Folder);
        Assert.Equal("INBOX", open.Mailbox);
        Assert.Equal("INTERNALDATE", open.View.SortField);
        Assert.Equal(SortOrder.Descending, open.View.SortOrder);
        Assert.Equal(
            ["FLAGS", "E-From", "Subject", "Pty", "Content-Type", "INTERNALDATE", "SIZE", "E-To", "E-Cc", "E-Reply-To",
             "X-Color", "Disposition-Notification-To", "X-Request-DSN", "References", "Message-ID"],
            open.View.Fields.ToArray());
    }

    [Fact]
    public void SameRequestsAsTcpFramesSplitAtEveryOffsetParseTheSame()
    {
        var expected = ParseBatch();
        var stream = Encoding.UTF8.GetBytes(string.Concat(ContainerOf(s_batch).Requests.Select(r => r + "\0\r\n")));

        for (var offset = 1; offset < stream.Length; offset++)
            Assert.Equal(Describe.Of(expected), Describe.Of(FramesToRequests([stream[..offset], stream[offset..]])));
        Assert.Equal(Describe.Of(expected), Describe.Of(FramesToRequests(stream.Select(b => new[] { b }))));
    }

    private static List<XimssRequest> ParseBatch() =>
        ContainerOf(s_batch).Requests.Select(e => XimssRequestParser.Parse(e, authenticated: true)).Select(r =>
        {
            Assert.True(r.Succeeded, r.Error?.Text);
            return r.Request;
        }).ToList();

    private static XimssContainer ContainerOf(byte[] body)
    {
        Assert.True(XimssContainer.TryParse(new ReadOnlySequence<byte>(body), out var container, out var error), error?.Text);
        return container;
    }

    private static List<XimssRequest> FramesToRequests(IEnumerable<byte[]> chunks)
    {
        var requests = new List<XimssRequest>();
        foreach (var outcome in FrameFeeder.Feed(chunks))
        {
            Assert.StartsWith("frame:", outcome, StringComparison.Ordinal);
            var result = XimssRequestParser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(outcome["frame:".Length..])), authenticated: true);
            Assert.True(result.Succeeded, result.Error?.Text);
            requests.Add(result.Request);
        }

        return requests;
    }
}
