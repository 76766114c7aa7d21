using System.Text;
using static Postern.Mime.Tests.Messages;

namespace Postern.Mime.Tests.Parsing;

public class MimeLimitsTests
{
    [Fact]
    public void NestingBeyondTheDepthLimitIsKeptAsAnOpaqueLeaf()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            text.Append($"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n");
        }

        text.Append("Content-Type: text/plain\n\ndeep\n");
        var message = FromText(text.ToString(), new MimeLimits { MaxDepth = 4 });

        var deepest = message.EnumerateParts().MaxBy(p => p.Depth)!;
        Assert.Equal(4, deepest.Depth);
        Assert.Empty(deepest.Children);
        Assert.Contains(deepest.Defects, d => d.Kind == MimeDefectKind.NestingTooDeep);
    }

    [Fact]
    public void HeaderFieldsBeyondTheCountLimitAreNotIndexed()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            text.Append($"X-Field-{i}: {i}\n");
        }

        text.Append("\nbody\n");
        var message = FromText(text.ToString(), new MimeLimits { MaxHeaderCount = 10 });

        Assert.Equal(10, message.Headers.Count);
        Assert.Equal("body\n", Utf8(message.Body.RawBody));
        Assert.Single(message.Body.Defects, d => d.Kind == MimeDefectKind.TooManyHeaders);
    }

    [Fact]
    public void LongHeaderFieldIsDecodedOnlyUpToTheLengthLimit()
    {
        var message = FromText("Subject: " + new string('x', 5000) + "\n\nbody", new MimeLimits { MaxHeaderFieldLength = 100 });

        Assert.Equal(100, message.Subject!.Length);
        Assert.Contains(message.Body.Defects, d => d.Kind == MimeDefectKind.HeaderFieldTooLong);
        Assert.Equal("body", Utf8(message.Body.RawBody));
    }

    [Fact]
    public void PartsBeyondTheCountLimitStayInTheEpilogue()
    {
        var text = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (var i = 0; i < 20; i++)
        {
            text.Append($"--b\n\npart {i}\n");
        }

        text.Append("--b--\n");
        var message = FromText(text.ToString(), new MimeLimits { MaxPartCount = 5 });

        Assert.Equal(4, message.Body.Children.Count);
        Assert.Contains(message.Body.Defects, d => d.Kind == MimeDefectKind.TooManyParts);
        Assert.Contains("part 19", Utf8(message.Body.Epilogue));
    }

    [Fact]
    public void LimitsRejectNonPositiveValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MimeLimits { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MimeLimits { MaxHeaderCount = -1 });
    }
}
