using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Postern.Benchmarks -- --filter *Mime*` runs one area;
// see docs/performance.md for the scenarios and the figures measured on the reference machine.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
