using Postern.Storage;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Tests.Components;

/// <summary>A test context with one account and a session of it, for running components.</summary>
public abstract class ComponentTestBase : IAsyncLifetime
{
    internal WebUserTestContext Web { get; } = new();

    protected AccountRecord Account { get; private set; } = null!;

    protected WebUserSession Session { get; private set; } = null!;

    protected static CancellationToken Ct => WebUserTestContext.Ct;

    public virtual async Task InitializeAsync()
    {
        await Web.InitializeAsync();
        Account = await Web.CreateAccountAsync("alice", "Alice Liddell");
        Session = await Web.OpenSessionAsync(Account);
    }

    public Task DisposeAsync() => Web.DisposeAsync();
}
