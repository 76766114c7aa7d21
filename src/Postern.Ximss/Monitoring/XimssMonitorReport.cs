namespace Postern.Ximss.Monitoring;

/// <summary>One line of the access monitor (CGP Guide, XIMSS module, "Monitoring XIMSS Activity").</summary>
/// <param name="Id">The session number (<c>XIMSS-nnnnn</c> in the log); null for a channel that has not logged in.</param>
/// <param name="Address">The client's IP address.</param>
/// <param name="Account">The account, once logged in.</param>
/// <param name="Transport"><c>TCP</c> or <c>HTTP</c>.</param>
/// <param name="ConnectedSeconds">Time since the connection opened (TCP) or the session started (HTTP).</param>
/// <param name="Status">The operation in progress, else the state: <c>authenticating</c>, <c>waiting</c>, <c>polling</c>, <c>idle</c>.</param>
/// <param name="RunningSeconds">How long the operation in progress has run; null between operations.</param>
/// <param name="Client">The client's name (<c>setClientName</c>).</param>
public sealed record MonitorRow(int? Id, string Address, string? Account, string Transport, double ConnectedSeconds, string Status,
    double? RunningSeconds, string? Client);

/// <summary>The module's counters (<see cref="XimssMetrics"/>).</summary>
public sealed record MonitorCounters(int Channels, int Sessions, long Logins, long LoginFailures, long Operations, double OperationsPerSecond,
    long RefusedChannels);

/// <summary>The server process's memory when the monitor was read.</summary>
/// <param name="ManagedHeapBytes">Bytes in use on the managed heap (after a full collection when <paramref name="Collected"/>).</param>
/// <param name="WorkingSetBytes">The process's resident memory.</param>
/// <param name="Collected">True when a full garbage collection ran first, so the heap figure counts live objects only.</param>
public sealed record MonitorMemory(long ManagedHeapBytes, long WorkingSetBytes, bool Collected);

/// <summary>What the access monitor shows: the counters, the process's memory, and one row per channel or session.</summary>
public sealed record XimssMonitorReport(DateTimeOffset Time, MonitorCounters Counters, MonitorMemory Memory, IReadOnlyList<MonitorRow> Sessions);
