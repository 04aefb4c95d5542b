namespace Assistance.Application.Applications;

using Assistance.Domain.Applications;
using Assistance.Domain.Regions;

/// <summary>One registered close relative who is a member of the applying household .</summary>
public interface ICloseRelativeMatcher
{
    Task<IReadOnlyList<ConflictOfInterestMatch>> FindAsync(RegionCode county, IReadOnlyCollection<string> idNumbers, CancellationToken cancellationToken);
}
