using Assistance.Benchmarks;
using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/Assistance.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(AssessmentBenchmarks).Assembly).Run(args);
