using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Server.Hosting;
using Postern.Testing;

namespace Postern.Server.Tests.EndToEnd;

public class ServeTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string Data => _directory.File("data");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task FirstStartCreatesTheStoreTheDomainAndAPostmasterWhosePrintedPasswordWorks()
    {
        string password;
        await using (var server = await PosternProcess.StartServerAsync(Data))
        {
            Assert.Contains("postern: first start: created domain example.com and account postmaster@example.com", server.Output);
            var passwordLine = Assert.Single(server.Output, line => line.StartsWith("postern: postmaster password: ", StringComparison.Ordinal));
            password = passwordLine.Split(' ')[3];
            Assert.Equal(16, password.Length);

            using var http = new HttpClient();
            var health = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{server.HttpPort}/health");
            Assert.Equal("ok", health.GetProperty("status").GetString());

            server.Signal("INT");
            Assert.Equal(0, await server.WaitForExitAsync(PosternProcess.StartTimeout));
        }

        Assert.True(File.Exists(Path.Combine(Data, "postern.db")));
        Assert.True(Directory.Exists(Path.Combine(Data, "blobs")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Data, "SystemLogs"), "*.log"));
        Assert.DoesNotContain(password, string.Concat(Directory.GetFiles(Path.Combine(Data, "SystemLogs")).Select(File.ReadAllText)));
        Assert.True(await PasswordWorksAsync("postmaster@example.com", password));
    }

    [Fact]
    public async Task SecondStartCreatesNothingAndPrintsNoPassword()
    {
        await using (var first = await PosternProcess.StartServerAsync(Data))
        {
            first.Signal("TERM");
            Assert.Equal(0, await first.WaitForExitAsync(PosternProcess.StartTimeout));
        }

        await using var second = await PosternProcess.StartServerAsync(Data);

        Assert.DoesNotContain(second.Output, line => line.Contains("password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostmasterPasswordCanComeFromTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["POSTERN_POSTMASTER_PASSWORD"] = "from-the-environment" };

        await using (var server = await PosternProcess.StartServerAsync(Data, environment))
            Assert.Contains("postern: postmaster password taken from the configuration (Postern:PostmasterPassword)", server.Output);

        Assert.True(await PasswordWorksAsync("postmaster@example.com", "from-the-environment"));
    }

    [Fact]
    public async Task ASecondServerOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning()
    {
        await using var first = await PosternProcess.StartServerAsync(Data);

        await using var second = PosternProcess.Start(Data, null, ["serve", "--data", Data, "--http-port", "auto", "--bind", "127.0.0.1"]);
        var exitCode = await second.WaitForExitAsync(PosternProcess.StartTimeout);

        Assert.Equal(1, exitCode);
        Assert.Equal($"postern: the data directory {Data} is in use by another postern serve (process {first.Id})", second.Errors.Trim());
        using var http = new HttpClient();
        Assert.True((await http.GetAsync($"http://127.0.0.1:{first.HttpPort}/health")).IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task SignalStopsTheServerCleanlyAndReleasesTheDataDirectory(string signal)
    {
        await using (var server = await PosternProcess.StartServerAsync(Data))
        {
            server.Signal(signal);
            Assert.Equal(0, await server.WaitForExitAsync(PosternProcess.StartTimeout));
            Assert.Contains(server.Output, line => line.EndsWith(" SERVER stopped", StringComparison.Ordinal));
        }

        await using var again = await PosternProcess.StartServerAsync(Data);
        Assert.True(again.HttpPort > 0);
    }

    [Fact]
    public async Task ServerKilledHardLeavesADataDirectoryTheNextServerOpens()
    {
        await using (var server = await PosternProcess.StartServerAsync(Data))
        {
            server.Signal("KILL");
            await server.WaitForExitAsync(PosternProcess.StartTimeout);
        }

        await using var again = await PosternProcess.StartServerAsync(Data);
        Assert.True(again.HttpPort > 0);
    }

    [Fact]
    public async Task DisablingEveryListenerIsRefused()
    {
        await using var server = PosternProcess.Start(Data, null, ["serve", "--data", Data, "--http-port", "0", "--ximss-port", "0"]);

        Assert.Equal(1, await server.WaitForExitAsync(PosternProcess.StartTimeout));
        Assert.Contains("no listener is enabled", server.Errors);
    }

    [Fact]
    public async Task ListenerSettingsComeFromTheEnvironmentAndOptionsWin()
    {
        var environment = new Dictionary<string, string> { ["POSTERN_HTTP_PORT"] = "not-a-port", ["POSTERN_XIMSS_PORT"] = "0" };

        await using var refused = PosternProcess.Start(Data, environment, ["serve", "--data", Data, "--bind", "127.0.0.1"]);
        Assert.Equal(1, await refused.WaitForExitAsync(PosternProcess.StartTimeout));
        Assert.Equal("postern: Postern:HttpPort = \"not-a-port\" is not a port (1-65535), 0 (off) or auto", refused.Errors.Trim());

        await using var started = await PosternProcess.StartServerAsync(Data, environment);
        Assert.DoesNotContain(started.Output, line => line.Contains("XIMSS", StringComparison.Ordinal));
    }

    private async Task<bool> PasswordWorksAsync(string account, string password)
    {
        await using var store = await PosternCore.OpenStoreAsync(Data, NullLoggerFactory.Instance, CancellationToken.None);
        var options = new PasswordOptions();
        var hasher = new PasswordHasher(options);
        var accounts = new AccountService(store, new DomainService(store), hasher, options);
        var result = await new Authenticator(store, accounts, hasher, options).VerifyPasswordAsync(account, password, null, CancellationToken.None);
        return result.Succeeded;
    }
}
