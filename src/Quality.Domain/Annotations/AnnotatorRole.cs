namespace Quality.Domain.Annotations;

/// <summary>Who produced an annotation: agreement is measured among annotators; gold is the answer key.</summary>
public enum AnnotatorRole
{
    Annotator,
    Reviewer,
    Gold,
}
