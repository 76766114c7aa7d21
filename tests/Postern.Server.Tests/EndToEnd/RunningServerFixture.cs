using Postern.Testing;

namespace Postern.Server.Tests.EndToEnd;

/// <summary>One <c>postern serve</c> on a fresh data directory, shared by the tests of a class.</summary>
public sealed class RunningServerFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private PosternProcess? _server;

    public string Data => _directory.File("data");

    internal PosternProcess Server => _server!;

    public async Task InitializeAsync() => _server = await PosternProcess.StartServerAsync(Data);

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _directory.Dispose();
    }
}
