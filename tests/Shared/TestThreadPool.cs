using System.Runtime.CompilerServices;

namespace Postern.Testing;

/// <summary>Raises the thread-pool floor before any test runs.</summary>
/// <remarks>
/// On a 2-core machine the pool starts with two workers and grows slowly; tests that block on
/// loopback servers then stall for seconds waiting for a thread. A higher floor removes the stall.
/// </remarks>
internal static class TestThreadPool
{
    [ModuleInitializer]
    internal static void RaiseMinimumThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
