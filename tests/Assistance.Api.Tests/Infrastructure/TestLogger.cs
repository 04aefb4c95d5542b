namespace Assistance.Api.Tests.Infrastructure;

using Microsoft.Extensions.Logging;

/// <summary>Forwards warnings and errors of the host under test to the test output, so a 500 shows its cause.</summary>
public sealed class TestLoggerProvider : ILoggerProvider
{
    /// <summary>Warnings and errors of every host in the run, for reading after a failure.</summary>
    public static readonly string LogFile = Path.Combine(Path.GetTempPath(), "assistance-api-tests.log");

    private static readonly Lock FileLock = new();

    public ILogger CreateLogger(string categoryName) => new TestLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class TestLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var line = $"[{logLevel}] {category}: {formatter(state, exception)} {exception}";
                TestContext.Progress.WriteLine(line);
                lock (FileLock)
                {
                    File.AppendAllText(LogFile, line + Environment.NewLine);
                }
            }
        }
    }
}
