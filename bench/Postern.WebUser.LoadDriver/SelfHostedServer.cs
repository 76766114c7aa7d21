using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Mail;
using Postern.Mail.Mailboxes;
using Postern.Mail.Mbox;
using Postern.Mail.Messages;
using Postern.Server.Hosting;
using Postern.Storage;
using Postern.Testing;

namespace Postern.WebUser.LoadDriver;

/// <summary>
/// A <c>postern serve</c> in this process, over a fresh data directory holding one account whose INBOX
/// has the generated messages and one large multipart message.
/// </summary>
internal sealed class SelfHostedServer : IAsyncDisposable
{
    public const string User = "load";

    public const string Password = "load-test-pw";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "postern-load-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _server;

    public int Port { get; private set; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The UID of the large multipart message in the INBOX.</summary>
    public uint LargeMessageUid { get; private set; }

    public async Task StartAsync(LoadOptions options, TextWriter log)
    {
        Directory.CreateDirectory(_directory);
        await SeedAsync(options, log);
        Port = FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Postern:Data"] = _directory,
            ["Postern:HttpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Postern:XimssPort"] = "off",
            ["Postern:BindAddress"] = "127.0.0.1",
            ["Postern:Domain"] = "load.example",
            ["Postern:PostmasterPassword"] = Password,
            ["Postern:Logging:Console"] = "false",
        }).Build();
        _server = ServerHost.RunAsync(configuration, TextWriter.Null, log, _stop.Token);
        using var client = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await client.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (attempt < 300 && !_server.IsCompleted)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task SeedAsync(LoadOptions options, TextWriter log)
    {
        await using var store = await PosternCore.OpenStoreAsync(_directory, NullLoggerFactory.Instance, CancellationToken.None);
        var services = new ServiceCollection().AddLogging().AddPosternCore(new ConfigurationBuilder().Build(), store).BuildServiceProvider();
        var domains = services.GetRequiredService<DomainService>();
        await domains.CreateAsync("load.example", CancellationToken.None);
        await domains.SetMainDomainAsync("load.example", CancellationToken.None);
        var account = await services.GetRequiredService<AccountProvisioning>().CreateAccountAsync(AccountName.Parse(User + "@load.example"), Password, "Load Test", CancellationToken.None);
        var inbox = await services.GetRequiredService<MailboxService>().GetAsync(account, MailboxName.Inbox, CancellationToken.None);

        var mbox = Path.Combine(_directory, "seed.mbox");
        SyntheticMbox.Write(mbox, options.Messages);
        var started = DateTime.UtcNow;
        await using (var input = File.OpenRead(mbox))
            await new MboxImporter(store, TimeProvider.System).ImportAsync(input, inbox, null, CancellationToken.None);
        File.Delete(mbox);
        await log.WriteLineAsync($"seeded {options.Messages} messages in {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        var appended = await new MessageAppender(store, TimeProvider.System).AppendAsync(inbox, LargeMessage(options.MessageBytes), MessageFlags.Seen, [], null, CancellationToken.None);
        LargeMessageUid = appended.Uid;
    }

    /// <summary>A multipart message of about <paramref name="bytes"/>: a text part, an image and a large attachment.</summary>
    private static byte[] LargeMessage(int bytes)
    {
        var random = new Random(7);
        var payload = new byte[bytes * 3 / 4];
        random.NextBytes(payload);
        var text = new StringBuilder()
            .Append("From: Big Sender <big@example.com>\r\nTo: load@load.example\r\nSubject: The large one\r\nMIME-Version: 1.0\r\n")
            .Append("Content-Type: multipart/mixed; boundary=\"large\"\r\n\r\n--large\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        for (var line = 0; line < 200; line++)
            text.Append("Line ").Append(line).Append(" of the text part, long enough to look like a paragraph of mail.\r\n");
        text.Append("--large\r\nContent-Type: application/octet-stream; name=\"data.bin\"\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(payload, Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n--large--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_server is not null)
            await _server;
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
