using Postern.Testing;

namespace Postern.Server.Tests.EndToEnd;

/// <summary>The admin verbs, run as separate processes while the server runs on the same data directory.</summary>
public class CliVerbTests(RunningServerFixture fixture) : IClassFixture<RunningServerFixture>
{
    private Task<CliResult> RunAsync(params string[] arguments) => PosternProcess.RunAsync(fixture.Data, arguments);

    [Fact]
    public async Task DomainsAreAddedListedAndRemoved()
    {
        var added = await RunAsync("domain", "add", "Domains.Example");
        var listed = await RunAsync("domain", "list");
        var removed = await RunAsync("domain", "remove", "domains.example");
        var listedAgain = await RunAsync("domain", "list");

        Assert.Equal((0, "created domain domains.example"), (added.ExitCode, added.Output));
        Assert.Contains("domains.example", listed.Output);
        Assert.Contains("example.com (main)", listed.Output);
        Assert.Equal(0, removed.ExitCode);
        Assert.DoesNotContain("domains.example", listedAgain.Output);
    }

    [Fact]
    public async Task AccountLifecycleWorksWhileTheServerRuns()
    {
        var added = await RunAsync("account", "add", "alice@example.com", "--password", "S3cret!", "--real-name", "Alice Example");
        var listed = await RunAsync("account", "list", "example.com");
        var shown = await RunAsync("account", "show", "Alice@Example.com");
        var passwd = await PosternProcess.RunWithInputAsync(fixture.Data, "n3w-secret", "account", "passwd", "alice@example.com");
        var removed = await RunAsync("account", "remove", "alice@example.com");
        var shownAfter = await RunAsync("account", "show", "alice@example.com");

        Assert.Equal((0, "created account alice@example.com"), (added.ExitCode, added.Output));
        Assert.Contains(listed.Output.Split('\n'), line => line.StartsWith("alice@example.com", StringComparison.Ordinal) && line.Contains("Alice Example"));
        Assert.Contains("Real name:", shown.Output);
        Assert.Contains("Alice Example", shown.Output);
        Assert.Contains("Mailboxes:", shown.Output);
        Assert.Contains("4 (0 messages, 0 bytes)", shown.Output);
        Assert.Equal((0, "changed the password of alice@example.com"), (passwd.ExitCode, passwd.Output));
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal((1, "postern: account alice@example.com does not exist"), (shownAfter.ExitCode, shownAfter.Errors.Trim()));
    }

    [Fact]
    public async Task MailboxesAreCreatedListedAndRemoved()
    {
        await RunAsync("account", "add", "carol@example.com", "--password", "pw");

        var created = await RunAsync("mailbox", "create", "carol@example.com", "Calendar", "--class", "calendar");
        var child = await RunAsync("mailbox", "create", "carol@example.com", "Projects/Postern");
        var listed = await RunAsync("mailbox", "list", "carol@example.com");
        var removed = await RunAsync("mailbox", "remove", "carol@example.com", "Projects/Postern");
        var inbox = await RunAsync("mailbox", "remove", "carol@example.com", "INBOX");

        Assert.Equal((0, "created mailbox Calendar (calendar)"), (created.ExitCode, created.Output));
        Assert.Equal(0, child.ExitCode);
        var lines = listed.Output.Split('\n');
        Assert.StartsWith("MAILBOX", lines[0]);
        Assert.Equal(["Calendar", "Drafts", "INBOX", "Projects/Postern", "Sent", "Trash"], lines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.Contains(lines, l => l.StartsWith("Calendar", StringComparison.Ordinal) && l.Contains("calendar"));
        Assert.Equal((0, "removed mailbox Projects/Postern"), (removed.ExitCode, removed.Output));
        Assert.Equal((1, "postern: INBOX cannot be removed"), (inbox.ExitCode, inbox.Errors.Trim()));
    }

    public static TheoryData<string[]> BadCommandLines() => new()
    {
        new[] { "account", "add" },
        new[] { "account", "frobnicate" },
        new[] { "mailbox", "create", "a@example.com" },
        new[] { "domain", "add", "a.example", "--no-such-option" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task BadArgumentsGiveOneLineAndExitCodeTwo(string[] arguments)
    {
        var result = await RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Errors.Trim().Split('\n'));
        Assert.StartsWith("postern: ", result.Errors);
        Assert.Empty(result.Output);
    }

    public static TheoryData<string[], string> ImpossibleRequests() => new()
    {
        { ["account", "add", "not-an-account", "--password", "x"], "postern: \"not-an-account\" is not an account name of the form name@domain" },
        { ["account", "add", "bob@nowhere.example", "--password", "x"], "postern: domain nowhere.example does not exist" },
        { ["mailbox", "list", "nobody@example.com"], "postern: account nobody@example.com does not exist" },
        { ["domain", "remove", "example.com"], "postern: domain example.com is the main domain and cannot be removed" },
        { ["domain", "add", "bad_domain"], "postern: bad_domain is not a valid domain name (letters, digits and hyphens between dots)" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleRequests))]
    public async Task RequestsThatCannotBeDoneGiveOneLineAndExitCodeOne(string[] arguments, string expected)
    {
        var result = await RunAsync(arguments);

        Assert.Equal((1, expected), (result.ExitCode, result.Errors.Trim()));
    }

    [Fact]
    public async Task VerbsRefuseADirectoryWithoutPosternData()
    {
        using var empty = new TemporaryDirectory();

        var result = await PosternProcess.RunAsync(empty.Path, "account", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("holds no Postern data", result.Errors);
        Assert.False(File.Exists(empty.File("postern.db")));
    }
}
