using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Tests.Support;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class XimssRequestParserTests
{
    public static TheoryData<string, string, string> ValidRequests()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in TableFile.Rows("Requests", "valid-requests.txt", 3))
            data.Add(row[0], row[1], row[2]);
        return data;
    }

    public static TheoryData<string, int, string, string> InvalidRequests()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var row in TableFile.Rows("Requests", "invalid-requests.txt", 4))
            data.Add(row[0], int.Parse(row[1]), row[2], row[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void ValidRequestParsesToItsType(string state, string type, string xml)
    {
        var result = XimssRequestParser.Parse(Written.Parse(xml), TableFile.IsAuthenticated(state));

        Assert.True(result.Succeeded, result.Error?.Text);
        Assert.Equal(type, result.Request.GetType().Name);
        Assert.Equal(Written.Parse(xml).FindAttribute("id"), result.Request.Id);
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void BadRequestIsAnsweredWithAPreciseError(string state, int errorNumber, string errorText, string xml)
    {
        var result = XimssRequestParser.Parse(Written.Parse(xml), TableFile.IsAuthenticated(state));

        Assert.False(result.Succeeded);
        Assert.Equal(errorText, result.Error.Text);
        Assert.Equal(errorNumber, result.Error.Number);
        Assert.Equal(Written.Parse(xml).FindAttribute("id") is { Length: > 0 } id ? id : null, result.Id);
    }

    [Fact]
    public void EveryRegisteredOperationHasAValidAndAnInvalidExample()
    {
        var valid = TableFile.Rows("Requests", "valid-requests.txt", 3).Select(r => Written.Parse(r[2]).Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var invalid = TableFile.Rows("Requests", "invalid-requests.txt", 4).Select(r => Written.Parse(r[3]).Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var operation in XimssOperations.All)
        {
            Assert.Contains(operation.Name, valid);
            if (operation.Name is not ("noop" or "bye" or "listFeatures" or "readTime" or "listKnownValues" or "mailboxList"
                or "mailboxSubList" or "mailboxAliasList" or "prefsStore" or "starttls" or "auth"))
                Assert.Contains(operation.Name, invalid);
        }
    }

    [Fact]
    public void RegistryHoldsEveryOperationOfTheCoreAndMailIssues()
    {
        string[] expected =
        [
            "listFeatures", "starttls", "login", "authenticate", "auth", "signup", "recoverPassword", "noop", "bye", "readTime", "setSessionOption",
            "setClientName", "listKnownValues", "prefsRead", "prefsStore", "passwordModify", "mailboxList", "mailboxCreate",
            "mailboxRename", "mailboxRemove", "mailboxSubList", "mailboxSubUpdate", "mailboxRightsGet", "mailboxAclList",
            "mailboxAclUpdate", "mailboxAliasList", "mailboxAliasUpdate", "folderOpen", "folderReopen", "folderClose",
            "folderBrowse", "folderSync", "folderRead", "folderSearch", "folderExpunge", "messageMark", "messageRemove",
            "messageCopy", "messageMove", "messageAppend", "messageSubmit", "messageRedirect", "messageForward",
        ];

        Assert.Equal(expected.Order(), XimssOperations.All.Select(o => o.Name).Order());
    }

    [Theory]
    [InlineData("login", RequestPhase.BeforeLogin)]
    [InlineData("authenticate", RequestPhase.BeforeLogin)]
    [InlineData("auth", RequestPhase.BeforeLogin)]
    [InlineData("starttls", RequestPhase.BeforeLogin)]
    [InlineData("listFeatures", RequestPhase.Any)]
    [InlineData("noop", RequestPhase.Any)]
    [InlineData("bye", RequestPhase.Any)]
    [InlineData("readTime", RequestPhase.AfterLogin)]
    [InlineData("folderOpen", RequestPhase.AfterLogin)]
    public void OperationsAreClassifiedByWhenTheyMayRun(string name, RequestPhase phase)
    {
        Assert.True(XimssOperations.TryGet(name, out var operation));
        Assert.Equal(phase, operation.Phase);
    }

    [Fact]
    public void MissingIdIsReportedBeforeAnUnknownName()
    {
        var result = XimssRequestParser.Parse(Written.Parse("<myCommand/>"), authenticated: true);

        Assert.Same(XimssError.MissingRequestId, result.Error);
        Assert.Null(result.Id);
    }

    [Fact]
    public void UnknownNameIsReportedBeforeTheSessionState()
    {
        var result = XimssRequestParser.Parse(Written.Parse("<myCommand id=\"1\"/>"), authenticated: false);

        Assert.Same(XimssError.UnknownCommand, result.Error);
    }

    [Fact]
    public void FirstProblemOfARequestIsTheOneReported()
    {
        var result = XimssRequestParser.Parse(Written.Parse("<folderRead id=\"1\" UID=\"x\" mode=\"bad\"/>"), authenticated: true);

        Assert.Equal("invalid \"mode\" attribute: expected one of text, source, replyFrom, replyAll, forward, replyFromHTML, replyAllHTML, forwardHTML", result.Error?.Text);
    }

    [Fact]
    public void FrameBytesAreParsedThroughXmlToTheRequest()
    {
        var ok = XimssRequestParser.Parse(new System.Buffers.ReadOnlySequence<byte>("<noop id=\"7\"/>"u8.ToArray()), authenticated: false);
        var broken = XimssRequestParser.Parse(new System.Buffers.ReadOnlySequence<byte>("<noop id=\"7\""u8.ToArray()), authenticated: false);

        Assert.IsType<NoopRequest>(ok.Request);
        Assert.Equal(501, broken.Error?.Number);
        Assert.Null(broken.Id);
    }
}
