"""Events: claims placed on their dates, merged, selected as key dates; estimated publication dates."""
