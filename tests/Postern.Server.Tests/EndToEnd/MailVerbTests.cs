using System.Text;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;

namespace Postern.Server.Tests.EndToEnd;

/// <summary><c>postern deliver</c> and <c>postern queue</c>, run as separate processes beside a running server.</summary>
public class MailVerbTests(RunningServerFixture fixture) : IClassFixture<RunningServerFixture>
{
    private Task<CliResult> RunAsync(params string[] arguments) => PosternProcess.RunAsync(fixture.Data, arguments);

    private async Task<string> InboxCountAsync(string account)
    {
        var listed = await RunAsync("mailbox", "list", account);
        return listed.Output.Split('\n').Single(l => l.StartsWith("INBOX", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
    }

    [Fact]
    public async Task DeliverPutsAFileOrStandardInputIntoTheInbox()
    {
        using var files = new TemporaryDirectory();
        await RunAsync("account", "add", "dora@example.com", "--password", "pw");
        var message = files.File("hello.eml");
        await File.WriteAllTextAsync(message, "From: someone@remote.example\r\nSubject: hello\r\n\r\nHi Dora.\r\n");

        var fromFile = await RunAsync("deliver", "--to", "Dora@Example.com", "--from", "someone@remote.example", message);
        var fromInput = await PosternProcess.RunWithInputAsync(fixture.Data, "Subject: piped\r\n\r\nfrom a pipe", "deliver", "--to", "dora@example.com");

        Assert.Equal((0, "delivered to dora@example.com (INBOX, UID 1)"), (fromFile.ExitCode, fromFile.Output));
        Assert.Equal((0, "delivered to dora@example.com (INBOX, UID 2)"), (fromInput.ExitCode, fromInput.Output));
        Assert.Equal("2", await InboxCountAsync("dora@example.com"));
    }

    public static TheoryData<string[], string> RefusedDeliveries() => new()
    {
        { ["deliver", "--to", "erin@example.com", "--to", "nobody@example.com"], "postern: unknown recipient: nobody@example.com" },
        { ["deliver", "--to", "erin@example.com", "--to", "someone@remote.example"], "postern: someone@remote.example is not an address of this server" },
        { ["deliver", "--to", "not an address"], "postern: invalid address: not an address" },
    };

    [Theory]
    [MemberData(nameof(RefusedDeliveries))]
    public async Task DeliverRefusesBadRecipientsAndDeliversToNobody(string[] arguments, string error)
    {
        await RunAsync("account", "add", "erin@example.com", "--password", "pw");

        var result = await PosternProcess.RunWithInputAsync(fixture.Data, "Subject: x\r\n\r\nbody", arguments);

        Assert.Equal((1, error), (result.ExitCode, result.Errors.Trim()));
        Assert.Equal("0", await InboxCountAsync("erin@example.com"));
    }

    [Fact]
    public async Task QueuedMessagesAreListedShownAndRemoved()
    {
        long id;
        await using (var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = fixture.Data }, null, CancellationToken.None))
        {
            var entry = await store.Outbound.EnqueueAsync(new NewOutboundMessage(null, "frank@example.com", ["x@remote.example", "y@remote.example"],
                Encoding.ASCII.GetBytes("Subject: Outbound test\r\n\r\nbody\r\n"), RequestDsn: true, "held: no SMTP relay configured"), CancellationToken.None);
            id = entry.Id;
        }

        var listed = await RunAsync("queue", "list");
        var shown = await RunAsync("queue", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var removed = await RunAsync("queue", "remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var again = await RunAsync("queue", "remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.StartsWith("ID", listed.Output, StringComparison.Ordinal);
        Assert.Contains(listed.Output.Split('\n'), line => line.StartsWith($"{id} ", StringComparison.Ordinal)
            && line.Contains("frank@example.com  x@remote.example, y@remote.example", StringComparison.Ordinal)
            && line.EndsWith("held: no SMTP relay configured", StringComparison.Ordinal));
        Assert.Contains("Status:", shown.Output, StringComparison.Ordinal);
        Assert.Contains("DSN requested: yes", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Subject: Outbound test", shown.Output, StringComparison.Ordinal);
        Assert.Equal((0, $"removed queue entry {id}"), (removed.ExitCode, removed.Output));
        Assert.Equal((1, $"postern: queue entry {id} does not exist"), (again.ExitCode, again.Errors.Trim()));
    }
}
